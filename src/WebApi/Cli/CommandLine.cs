using System.Globalization;
using System.Text;
using System.Text.Json;
using AliasService.Application;
using AliasService.Application.Aliases.Commands.RevokeAliasTokens;
using AliasService.Application.ApiKeys;
using AliasService.Application.ApiKeys.Commands.CreateApiKey;
using AliasService.Application.ApiKeys.Commands.RevokeApiKey;
using AliasService.Application.ApiKeys.Queries.ListApiKeys;
using AliasService.Application.Common.Exceptions;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Infrastructure;
using AliasService.Infrastructure.AccessEvents;
using AliasService.Infrastructure.Persistence;
using AliasService.WebApi.Authentication;
using AliasService.WebApi.Json;
using MediatR;
using Microsoft.Extensions.Options;

namespace AliasService.WebApi.Cli;

/// <summary>
/// The admin commands (docs/api.md, "Command line"). They run on the same configuration and database as the server;
/// results go to standard output, diagnostics and logs to standard error.
/// </summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    private const string Help = """
        Usage:
          org create --name <name> [--json]
          org key create --organization <organization_id> [--json]
          org key list --organization <organization_id> [--json]
          org key revoke --organization <organization_id> --key <api_key_id> [--json]
          token org --api-key <id> [--api-secret <secret> | --api-secret -] [--ttl <seconds, at most 86400; default 3600>]
          token alias --alias <id> [--secret <jwt_secret> | --secret -] [--user-id <id>] [--host] [--expires-in <seconds; default 3600>]
          token revoke --alias <id> [--user-id <id>] [--json]
                        refuse the alias's tokens issued up to now (every user's, or one user's)
          token inspect --token <token> (--secret - | --public-key <file>) [--alias <id>]
                        explain offline, with the service's verifier, why a token would be accepted or refused
                        refuse the alias's tokens issued up to now (every user's, or one user's)
          db migrate    apply pending migrations to the configured database (safe from several instances at once)
        Secrets: without --api-secret / --secret, the secret is read from the environment variable
        ALIASSERVICE_API_SECRET / ALIASSERVICE_ALIAS_SECRET; with "-" as the value, from the first line of
        standard input. Prefer either: a secret on the command line shows in the process list and shell history.
        With no command the program serves HTTP (default http://localhost:5080).
        """;

    private const string ApiSecretVariable = "ALIASSERVICE_API_SECRET";
    private const string AliasSecretVariable = "ALIASSERVICE_ALIAS_SECRET";

    private static readonly string[] Commands = ["org", "token", "db", "help", "--help", "-h"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.Contains(args[0], StringComparer.Ordinal);

    /// <summary>Runs one command; <paramref name="stdin"/> (default: the console) is read only for a secret given as <c>-</c>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TextReader? stdin = null)
    {
        try
        {
            var isKeyCommand = args is ["org", "key", ..];
            var options = CommandOptions.Parse(args.Skip(isKeyCommand ? 3 : 2));
            if (isKeyCommand)
            {
                return await RunKeyCommandAsync(args.ElementAtOrDefault(2), options, stdout, stderr);
            }

            return (args[0], args.ElementAtOrDefault(1)) switch
            {
                ("org", "create") => await CreateOrganizationAsync(options, stdout),
                ("token", "org") => IssueOrganizationToken(options, stdout, stdin ?? Console.In),
                ("token", "alias") => IssueAliasToken(options, stdout, stdin ?? Console.In),
                ("token", "revoke") => await RevokeAliasTokensAsync(options, stdout),
                ("token", "inspect") => await InspectTokenAsync(options, stdout, stdin ?? Console.In),
                ("db", "migrate") => await MigrateDatabaseAsync(options, stdout, stderr),
                ("help" or "--help" or "-h", _) => Print(stdout, Help, Ok),
                _ => Print(stderr, Help, Usage),
            };
        }
        catch (UsageException e)
        {
            return Print(stderr, $"error: {e.Message}\n{Help}", Usage);
        }
        catch (DomainValidationException e)
        {
            return Print(stderr, "error: " + string.Join("; ", e.Errors.SelectMany(x => x.Value.Select(r => $"{x.Key} {r}"))), Usage);
        }
        catch (DomainException e)
        {
            return Print(stderr, $"error: {e.Message}", Failed);
        }
    }

    private static async Task<int> RunKeyCommandAsync(string? verb, CommandOptions options, TextWriter stdout, TextWriter stderr)
    {
        switch (verb)
        {
            case "create":
                options.AllowOnly("organization", "json");
                var created = await SendAsync(new CreateApiKeyCommand(options.Required("organization")));
                return await WriteAsync(stdout, options, created, $"api_key:    {created.Id}\napi_secret: {created.Secret}\nKeep the secret safe: it is not shown again.");
            case "list":
                options.AllowOnly("organization", "json");
                var keys = await SendAsync(new ListApiKeysQuery(options.Required("organization")));
                return await WriteAsync(stdout, options, keys, string.Join('\n', keys.Select(Describe)));
            case "revoke":
                options.AllowOnly("organization", "key", "json");
                var revoked = await SendAsync(new RevokeApiKeyCommand(options.Required("organization"), options.Required("key")));
                return await WriteAsync(stdout, options, revoked, Describe(revoked));
            default:
                return Print(stderr, Help, Usage);
        }

        static string Describe(ApiKeyDto key) =>
            $"{key.Id}  created_at={key.CreatedAt}  last_used_at={key.LastUsedAt?.ToString(CultureInfo.InvariantCulture) ?? "-"}  " +
            $"{(key.RevokedAt is { } revokedAt ? $"revoked_at={revokedAt}" : "active")}";
    }

    private static Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request) =>
        WithServicesAsync(services => services.GetRequiredService<IMediator>().Send(request, CancellationToken.None));

    private static async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        using var host = BuildHost();
        await DatabaseInitializer.InitializeAsync(host.Services, CancellationToken.None);
        T result;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            result = await use(scope.ServiceProvider);
        }

        // The host is never started, so its background writer does not run: store the command's access events now.
        await host.Services.GetRequiredService<AccessEventWriter>().FlushAsync();
        return result;
    }

    private static async Task<int> WriteAsync<T>(TextWriter stdout, CommandOptions options, T value, string text)
    {
        await stdout.WriteLineAsync(options.Flag("json") ? JsonSerializer.Serialize(value, ApiJson.Options) : text);
        return Ok;
    }

    private static async Task<int> CreateOrganizationAsync(CommandOptions options, TextWriter stdout)
    {
        options.AllowOnly("name", "json");
        var created = await SendAsync(new CreateOrganizationCommand(options.Value("name")));
        return await WriteAsync(stdout, options, created,
            $"organization_id: {created.OrganizationId}\napi_key:         {created.ApiKey}\napi_secret:      {created.ApiSecret}\nKeep the secret safe: it is not shown again.");
    }

    /// <summary>Revokes as the alias's owner would; the command line is trusted with every organization's aliases.</summary>
    private static async Task<int> RevokeAliasTokensAsync(CommandOptions options, TextWriter stdout)
    {
        options.AllowOnly("alias", "user-id", "json");
        var aliasId = options.Required("alias");
        var organizationId = await WithServicesAsync(services => services.GetRequiredService<IAliasRepository>().FindAsync(aliasId, CancellationToken.None))
            is { } alias ? alias.OrganizationId : throw new AliasNotFoundException(aliasId);
        var revoked = await SendAsync(new RevokeAliasTokensCommand(organizationId, aliasId, options.Value("user-id")));
        return await WriteAsync(stdout, options, revoked,
            $"Revoked the tokens of {(revoked.UserId is null ? "every user" : $"user {revoked.UserId}")} of alias {revoked.AliasId} issued at or before {revoked.RevokedAt} (Unix seconds).");
    }

    /// <summary>
    /// Runs the service's alias token verifier with a locally supplied key (the alias secret, or a public key file),
    /// without server or database: no revocations are known offline, and without --alias the alias claim is not
    /// checked. Prints the decision as JSON (never the key or the signature); exits 0 when valid, 1 when refused.
    /// </summary>
    private static async Task<int> InspectTokenAsync(CommandOptions options, TextWriter stdout, TextReader stdin)
    {
        options.AllowOnly("token", "secret", "public-key", "alias");
        var token = options.Required("token");
        string? secret = null;
        Infrastructure.Caching.RegisteredJwtKey? publicKey = null;
        if (options.Value("public-key") is { Length: > 0 } file)
        {
            var info = new Infrastructure.Security.PublicKeyReader().Read(await File.ReadAllTextAsync(file));
            publicKey = new Infrastructure.Caching.RegisteredJwtKey("supplied-public-key", string.Empty, info.Pem, info.Algorithm, info.Fingerprint);
        }
        else
        {
            secret = options.Secret("secret", AliasSecretVariable, stdin);
        }

        var verifier = new Infrastructure.Security.AliasTokenVerifier(new Infrastructure.Security.SuppliedJwtKey(publicKey), TimeProvider.System);
        var verification = await verifier.VerifyAsync(token, Infrastructure.Security.AliasTokenTarget.Offline(options.Value("alias"), secret), CancellationToken.None);
        var answer = new
        {
            verification.IsValid,
            Reason = verification.Refusal?.PreciseReason,
            Description = verification.Refusal?.Description ?? "The token is valid for the supplied key (revocations are not known offline).",
            verification.Algorithm,
            verification.Key,
            verification.Header,
            verification.Claims,
            verification.IssuedAt,
            verification.NotBefore,
            verification.ExpiresAt,
            ServerTime = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds(),
            verification.ClockSkewSeconds,
            View = verification.IsValid ? (verification.Host ? "host" : "public") : null,
        };
        await stdout.WriteLineAsync(JsonSerializer.Serialize(answer, ApiJson.Options));
        return verification.IsValid ? Ok : Failed;
    }

    private static async Task<int> MigrateDatabaseAsync(CommandOptions options, TextWriter stdout, TextWriter stderr)
    {
        options.AllowOnly();
        using var host = BuildHost();
        var provider = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
        try
        {
            var latest = await DatabaseInitializer.MigrateAsync(host.Services, CancellationToken.None);
            await stdout.WriteLineAsync($"The {provider} database is migrated: its schema is at {latest}.");
            return Ok;
        }
        catch (Exception e) when (DatabaseFailures.IsUnavailable(e))
        {
            return Print(stderr, $"error: the {provider} database cannot be reached; nothing was migrated.", Failed);
        }
    }

    private static int IssueOrganizationToken(CommandOptions options, TextWriter stdout, TextReader stdin)
    {
        options.AllowOnly("api-key", "api-secret", "ttl");
        var ttl = options.Seconds("ttl", 3600);
        if (ttl > OrganizationTokenAuthentication.MaxLifetime.TotalSeconds)
        {
            throw new UsageException("--ttl must be at most 86400 seconds (24 hours): longer organization tokens are refused.");
        }

        var token = TokenIssuer().IssueOrganizationToken(options.Required("api-key"), options.Secret("api-secret", ApiSecretVariable, stdin), TimeSpan.FromSeconds(ttl));
        stdout.WriteLine(token.Token);
        return Ok;
    }

    private static int IssueAliasToken(CommandOptions options, TextWriter stdout, TextReader stdin)
    {
        options.AllowOnly("alias", "secret", "user-id", "host", "expires-in");
        var secret = options.Secret("secret", AliasSecretVariable, stdin);
        if (Encoding.UTF8.GetByteCount(secret) < TextLimits.JwtSecretMinBytes)
        {
            throw new UsageException($"--secret must be at least {TextLimits.JwtSecretMinBytes} bytes: aliases never have shorter JWT secrets.");
        }

        var token = TokenIssuer().IssueAliasToken(
            options.Required("alias"), secret, options.Value("user-id"), options.Flag("host"), TimeSpan.FromSeconds(options.Seconds("expires-in", 3600)));
        stdout.WriteLine(token.Token);
        return Ok;
    }

    private static ITokenIssuer TokenIssuer() => new Infrastructure.Security.JwtTokenIssuer(TimeProvider.System);

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddShippedDefaults();
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services
            .AddApplication(builder.Configuration["AutoMapper:LicenseKey"])
            .AddInfrastructure(builder.Configuration)
            .AddRequestCaller();
        return builder.Build();
    }

    private static int Print(TextWriter writer, string text, int code)
    {
        writer.WriteLine(text);
        return code;
    }

    private sealed class UsageException(string message) : Exception(message);

    /// <summary><c>--name value</c> and <c>--flag</c> options; values may also be written <c>--name=value</c>.</summary>
    private sealed class CommandOptions
    {
        private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

        public static CommandOptions Parse(IEnumerable<string> args)
        {
            var options = new CommandOptions();
            var list = args.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var arg = list[i];
                if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                {
                    throw new UsageException($"unexpected argument '{arg}'");
                }

                var name = arg[2..];
                string? value = null;
                var equals = name.IndexOf('=', StringComparison.Ordinal);
                if (equals >= 0)
                {
                    value = name[(equals + 1)..];
                    name = name[..equals];
                }
                else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    value = list[++i];
                }

                options._values[name] = value;
            }

            return options;
        }

        public void AllowOnly(params string[] names)
        {
            var unknown = _values.Keys.Where(k => !names.Contains(k, StringComparer.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                throw new UsageException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
            }
        }

        public string? Value(string name) => _values.GetValueOrDefault(name);

        public string Required(string name) =>
            _values.GetValueOrDefault(name) is { Length: > 0 } value ? value : throw new UsageException($"--{name} is required");

        /// <summary>
        /// A secret: <c>--name value</c>; <c>--name -</c> for the first line of standard input; without the option,
        /// the environment variable. Never echoed in an error.
        /// </summary>
        public string Secret(string name, string environmentVariable, TextReader stdin)
        {
            if (!_values.TryGetValue(name, out var value))
            {
                return Environment.GetEnvironmentVariable(environmentVariable) is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : throw new UsageException($"--{name} is required: set {environmentVariable}, or pass --{name} - and write the secret to standard input");
            }

            if (value == "-")
            {
                return stdin.ReadLine() is { Length: > 0 } line
                    ? line
                    : throw new UsageException($"--{name} -: standard input held no secret (write it as the first line)");
            }

            return value is { Length: > 0 } ? value : throw new UsageException($"--{name} needs a value, or - to read it from standard input");
        }

        public bool Flag(string name) => _values.ContainsKey(name) && (_values[name] is null || _values[name] is "true");

        public long Seconds(string name, long fallback)
        {
            if (!_values.TryGetValue(name, out var text))
            {
                return fallback;
            }

            return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? seconds
                : throw new UsageException($"--{name} must be a positive number of seconds");
        }
    }
}
