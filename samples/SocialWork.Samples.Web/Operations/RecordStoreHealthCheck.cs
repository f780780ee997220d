using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SocialWork.Samples.Web.Operations;

/// <summary>Readiness: the record store answers (<see cref="RecordStoreHost.ProbeAsync"/>); when it does not, the reason in the words a 503 would use.</summary>
internal sealed class RecordStoreHealthCheck(RecordStoreHost records) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await records.ProbeAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy(records.Description);
        }
        catch (Exception ex) when (FaultHandler.Describe(ex).Status == StatusCodes.Status503ServiceUnavailable)
        {
            return HealthCheckResult.Unhealthy(FaultHandler.Describe(ex).Detail);
        }
    }
}
