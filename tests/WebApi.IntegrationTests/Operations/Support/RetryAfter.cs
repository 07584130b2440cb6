using System.Globalization;

namespace AliasService.WebApi.IntegrationTests.Operations.Support;

/// <summary>Reads the <c>Retry-After</c> header as a client has to: exactly one value, a positive whole number of seconds.</summary>
public static class RetryAfter
{
    public static int ShouldBePositiveSeconds(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.TryGetValues("Retry-After", out var values).Should().BeTrue("a 429 tells the client when to retry");
        var value = values!.Should().ContainSingle().Subject;
        value.Should().MatchRegex("^[1-9][0-9]*$", "Retry-After is given in delta-seconds (RFC 9110 section 10.2.3)");
        return int.Parse(value, CultureInfo.InvariantCulture);
    }
}
