using AliasService.Application.Common.Models;

namespace AliasService.Infrastructure.IntegrationTests.TestSupport;

/// <summary>The verdict part of a verification (what public retrieval uses), comparable by value.</summary>
public static class VerificationVerdict
{
    public static (bool IsValid, bool Host, string? Reason, string? Description, string? Diagnostic) Verdict(this AliasTokenVerification verification)
    {
        ArgumentNullException.ThrowIfNull(verification);
        return (verification.IsValid, verification.Host, verification.Refusal?.Reason, verification.Refusal?.Description, verification.Refusal?.PreciseReason);
    }
}
