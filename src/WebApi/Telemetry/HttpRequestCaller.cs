using AliasService.Application.Common.Interfaces;
using AliasService.WebApi.Authentication;

namespace AliasService.WebApi.Telemetry;

/// <summary>The caller of the current HTTP request (none in the command line): the client address after the trusted-proxy rule, and the API key of an organization token.</summary>
internal sealed class HttpRequestCaller(IHttpContextAccessor accessor) : IRequestCaller
{
    public string? ClientAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? ApiKeyId => accessor.HttpContext?.User.FindFirst(OrganizationClaims.ApiKeyId)?.Value;
}
