namespace SocialWork.Rules;

/// <summary>The facts a station criterion can test (see <see cref="StationProfile"/>).</summary>
public enum StationMetric
{
    /// <summary>Site area in square metres.</summary>
    SiteAreaSquareMetres,

    /// <summary>Number of rooms.</summary>
    Rooms,

    /// <summary>Staff of any employment.</summary>
    Staff,

    /// <summary>Station-resident full-time social workers.</summary>
    ResidentSocialWorkers,

    /// <summary>Part-time social workers.</summary>
    PartTimeSocialWorkers,

    /// <summary>Certified staff.</summary>
    CertifiedStaff,

    /// <summary>Opening days per week.</summary>
    OpeningDaysPerWeek,

    /// <summary>Service-item list published (yes = 1).</summary>
    ServiceListPublished,

    /// <summary>Records and case files kept (yes = 1).</summary>
    CaseFilesKept,

    /// <summary>Service records in a recent window whose length you choose (see <see cref="StationProfile.WithRecordsFrom"/>); no source sets one.</summary>
    RecentRecords,

    /// <summary>Has a site (六有: 场地).</summary>
    HasSite,

    /// <summary>Has equipment (六有: 设备).</summary>
    HasEquipment,

    /// <summary>Has staff (六有: 人员).</summary>
    HasStaff,

    /// <summary>Has service functions (六有: 服务功能).</summary>
    HasServiceFunctions,

    /// <summary>Has workflows (六有: 工作流程).</summary>
    HasWorkflows,

    /// <summary>Has rules and regulations (六有: 规章制度).</summary>
    HasRules,
}
