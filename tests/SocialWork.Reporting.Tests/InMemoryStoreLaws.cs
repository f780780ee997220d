namespace SocialWork.Reporting.Tests;

/// <summary>The store law on the in-memory store.</summary>
public sealed class InMemoryStoreLaws : RecordStoreLaws
{
    protected override IRecordStore NewStore() => new InMemoryRecordStore();
}
