using AliasService.Application.Common.Exceptions;
using AliasService.Infrastructure.Security;

namespace AliasService.WebApi.Errors;

/// <summary>The one definition of "the caller's credential was refused" (answered 401), with its reason.</summary>
internal static class CredentialFailure
{
    public static string? ReasonOf(Exception? exception) => exception switch
    {
        AccessDeniedException denied => denied.Reason,
        TokenRejectedException rejected => rejected.Reason,
        _ => null,
    };
}
