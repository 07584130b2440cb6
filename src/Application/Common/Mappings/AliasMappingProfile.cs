using AliasService.Application.Aliases;
using AliasService.Domain.Aliases;
using AutoMapper;

namespace AliasService.Application.Common.Mappings;

/// <summary>Maps the domain's redacted <see cref="AliasView"/> to the wire DTO; redaction itself stays in the domain.</summary>
public sealed class AliasMappingProfile : Profile
{
    public AliasMappingProfile()
    {
        CreateMap<AliasView, AliasDto>()
            .ForMember(d => d.Type, o => o.MapFrom(s => s.Type.ToWire()));
    }
}
