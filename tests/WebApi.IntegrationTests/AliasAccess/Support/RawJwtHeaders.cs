namespace AliasService.WebApi.IntegrationTests.AliasAccess.Support;

/// <summary>Header texts used as they are written.</summary>
internal static class RawJwtHeaders
{
    public const string Hs256 = """{"alg":"HS256","typ":"JWT"}""";
}
