namespace AliasService.WebApi.Errors;

/// <summary>The request body is over the limit (64 KiB by default).</summary>
internal sealed class RequestBodyTooLargeException(long limit)
    : Exception($"The request body is larger than {limit / 1024} KiB.")
{
    public const string DefaultMessage = "The request body is too large.";
}
