namespace SocialWork.Reporting;

/// <summary>What the header row of a report CSV holds.</summary>
public enum ReportCsvHeaders
{
    /// <summary>The column ids of the contract (<c>division,name,period,…</c>), the same in every language: for programs.</summary>
    Ids,

    /// <summary>The columns' labels in the report's language (<c>区划代码,名称,期间,…</c>): for people.</summary>
    Labels,
}
