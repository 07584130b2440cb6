using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using AliasService.Application.Common.Models;
using AliasService.Infrastructure.Persistence;
using AliasService.Infrastructure.Security;
using AliasService.WebApi.Errors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AliasService.WebApi.Authentication;

/// <summary>
/// Organization tokens (docs/api.md, "Organization tokens") through JwtBearer: HS256 only, the key looked up by <c>kid</c> among
/// active API keys before validation (asynchronously; the library's resolver is synchronous), exactly one
/// key handed to the library, <c>exp</c> required and at most 24 h ahead, <c>iat</c> not in the future.
/// </summary>
internal static class OrganizationTokenAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(24);

    private const string SigningKeyItem = "AliasService.OrganizationToken.Key";
    private const string StructureItem = "AliasService.OrganizationToken.Structure";
    private const string CredentialItem = "AliasService.OrganizationToken.Credential";
    private const string RefusalItem = "AliasService.OrganizationToken.Refusal";

    /// <summary>
    /// One signing key per cached credential (the same instance while it stays cached; a reloaded or rotated credential
    /// is a new instance, so it gets a new key): the library identifies a key by its JWK thumbprint, which it computes
    /// once per key object, and caches its signature provider under that.
    /// </summary>
    private static readonly ConditionalWeakTable<ApiKeyCredential, SymmetricSecurityKey> SigningKeys = new();

    /// <summary>
    /// The tokens whose signature the library verified, per cached credential (like <see cref="SigningKeys"/>: a
    /// reloaded, rotated or revoked credential is another instance or none, and starts with no token). A token seen
    /// again with the same credential skips the signature check only, which would give the same answer for the same
    /// bytes and key: its lifetime, the 24-hour limit and the key being active are checked on every request as for a
    /// new token. Only a token signed with the API secret can enter. Bounded: past <see cref="VerifiedTokensPerKey"/>
    /// the key's set starts again empty.
    /// </summary>
    private static readonly ConditionalWeakTable<ApiKeyCredential, ConcurrentDictionary<string, bool>> VerifiedTokens = new();

    private const int VerifiedTokensPerKey = 1024;

    private static readonly CredentialRefusal MissingToken =
        CredentialRefusal.WithoutToken(TokenFailureReason.MissingToken, "An organization token is required.");

    private static readonly CredentialRefusal NotHs256 =
        CredentialRefusal.OfToken(TokenFailureReason.UnsupportedAlgorithm, "Organization tokens are signed HS256.");

    private static readonly CredentialRefusal UnknownKey =
        CredentialRefusal.OfToken(TokenFailureReason.UnknownKey, "The kid does not name an active API key.");

    public static IServiceCollection AddOrganizationTokenAuthentication(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddAuthentication(Scheme).AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<IHttpContextAccessor>((options, accessor) =>
        {
            options.MapInboundClaims = false;
            options.IncludeErrorDetails = false;
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new JsonWebTokenHandler { MaximumTokenSizeInBytes = JwtStructure.MaxTokenLength });
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                ValidateIssuer = false,
                ValidateAudience = false,
                // Lifetime is checked in TokenValidatedAsync by TokenLifetime, on the raw claims and the injected clock.
                ValidateLifetime = false,
                RequireExpirationTime = false,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                TryAllIssuerSigningKeys = false,
                IssuerSigningKeyResolver = (_, _, _, _) =>
                    accessor.HttpContext?.Items[SigningKeyItem] is SecurityKey key ? [key] : [],
            };
            options.Events = new JwtBearerEvents
            {
                OnMessageReceived = MessageReceivedAsync,
                OnAuthenticationFailed = AuthenticationFailedAsync,
                OnTokenValidated = TokenValidatedAsync,
                OnChallenge = ChallengeAsync,
            };
        });
        return services;
    }

    private static async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count == 0)
        {
            context.NoResult();
            return;
        }

        if (!BearerToken.TryRead(authorization, out var token, out var refusal) || !JwtStructure.TryParse(token, out var structure, out refusal))
        {
            Refuse(context, refusal);
            return;
        }

        // Alias tokens come this way too on public retrieval (asymmetric, or HS256 without an API key's kid): every
        // refusal here is returned, not thrown, which would cost more than the rest of the check.
        if (!string.Equals(structure.Algorithm, SecurityAlgorithms.HmacSha256, StringComparison.Ordinal))
        {
            Refuse(context, NotHs256);
            return;
        }

        var credential = structure.KeyId is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<ApiKeyLookup>()
                .FindActiveAsync(structure.KeyId, context.HttpContext.RequestAborted).ConfigureAwait(false);
        if (credential is null)
        {
            Refuse(context, UnknownKey);
            return;
        }

        if (VerifiedTokens.TryGetValue(credential, out var verified) && verified.ContainsKey(token))
        {
            await AcceptAsync(context, structure, credential).ConfigureAwait(false);
            return;
        }

        context.HttpContext.Items[SigningKeyItem] = SigningKeys.GetValue(
            credential, static c => new SymmetricSecurityKey(Encoding.UTF8.GetBytes(c.Secret)) { KeyId = c.KeyId });
        context.HttpContext.Items[StructureItem] = structure;
        context.HttpContext.Items[CredentialItem] = credential;
        context.Token = token;
    }

    private static Task AuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        if (DatabaseFailures.IsUnavailable(context.Exception))
        {
            // Not a refused token: left unhandled, the handler rethrows it and the client gets 503, not 401.
            return Task.CompletedTask;
        }

        Refuse(context, LibraryFailures.Translate(context.Exception));
        return Task.CompletedTask;
    }

    private static async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        if (http.Items[StructureItem] is not JwtStructure structure || http.Items[CredentialItem] is not ApiKeyCredential credential)
        {
            Refuse(context, CredentialRefusal.OfToken(TokenFailureReason.Malformed, "The token could not be read."));
            return;
        }

        if (context.SecurityToken is JsonWebToken { EncodedToken: { } token })
        {
            var verified = VerifiedTokens.GetValue(credential, static _ => new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
            if (verified.Count >= VerifiedTokensPerKey)
            {
                verified.Clear();
            }

            verified[token] = true;
        }

        await AcceptAsync(context, structure, credential).ConfigureAwait(false);
    }

    /// <summary>What every organization token must pass besides its signature, checked on every request.</summary>
    private static async Task AcceptAsync(ResultContext<JwtBearerOptions> context, JwtStructure structure, ApiKeyCredential credential)
    {
        var http = context.HttpContext;
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
        if (!TokenLifetime.TryCheck(structure.Payload, now, allowExpiresIn: false, out var expires, out var refusal))
        {
            Refuse(context, refusal);
            return;
        }

        if (expires > now + (long)MaxLifetime.TotalSeconds + TokenLifetime.ClockSkewSeconds)
        {
            Refuse(context, CredentialRefusal.OfToken(TokenFailureReason.LifetimeTooLong, "Organization tokens may expire at most 24 hours ahead."));
            return;
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(OrganizationClaims.OrganizationId, credential.OrganizationId), new Claim(OrganizationClaims.ApiKeyId, credential.KeyId)],
            Scheme));
        await http.RequestServices.GetRequiredService<ApiKeyLookup>().MarkUsedAsync(credential, http.RequestAborted).ConfigureAwait(false);
        context.Success();
    }

    private static Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        return ErrorResponses.WriteRefusalAsync(context.HttpContext, context.HttpContext.Items[RefusalItem] as CredentialRefusal ?? MissingToken);
    }

    /// <summary>
    /// Fails authentication with the refusal, kept for the challenge (the authentication API carries only an
    /// exception; its message, the description, is what the handler logs).
    /// </summary>
    private static void Refuse(ResultContext<JwtBearerOptions> context, CredentialRefusal refusal)
    {
        context.HttpContext.Items[RefusalItem] = refusal;
        context.Fail(refusal.Description);
    }
}
