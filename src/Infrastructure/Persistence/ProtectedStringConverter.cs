using AliasService.Infrastructure.Security;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AliasService.Infrastructure.Persistence;

/// <summary>Stores a string column encrypted; nulls stay null so "no passcode" remains queryable.</summary>
internal sealed class ProtectedStringConverter(SecretProtector protector)
    : ValueConverter<string, string>(v => protector.Protect(v), v => protector.Unprotect(v));
