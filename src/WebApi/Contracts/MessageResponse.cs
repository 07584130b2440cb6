namespace AliasService.WebApi.Contracts;

/// <summary>A bare <c>{"message": "..."}</c> body, as the delete endpoint answers.</summary>
public sealed record MessageResponse(string Message);
