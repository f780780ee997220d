using System.Text;

namespace SocialWork.Reporting.Tests;

/// <summary>The privacy law on the in-memory store (what it holds is its batches' text).</summary>
public sealed class InMemoryStorePrivacyLaws : StorePrivacyLaws
{
    protected override IRecordStore NewStore() => new InMemoryRecordStore();

    protected override string WrittenText(IRecordStore store)
    {
        var text = new StringBuilder();
        foreach (var batch in store.ReadAsync().ToBlockingEnumerable())
        {
            for (var i = 0; i < batch.Count; i++)
            {
                text.Append(batch.IdAt(i)).Append(batch.Codes[batch.CodeIndices[i]].Value).Append(batch.Programmes[batch.ProgrammeIndices[i]]).Append('\n');
            }
        }
        return text.ToString();
    }
}
