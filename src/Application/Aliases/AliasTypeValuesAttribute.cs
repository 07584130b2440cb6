using System.ComponentModel.DataAnnotations;
using AliasService.Domain.Aliases;

namespace AliasService.Application.Aliases;

/// <summary>
/// Marks a member or parameter that holds an alias type on the wire (<c>conference</c> or <c>live</c>), so the API
/// document lists exactly those values. It documents; the rule is enforced by the validators and the domain.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class AliasTypeValuesAttribute() : AllowedValuesAttribute(AliasTypes.Conference, AliasTypes.Live);
