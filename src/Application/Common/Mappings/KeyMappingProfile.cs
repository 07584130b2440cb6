using AliasService.Application.ApiKeys;
using AliasService.Application.JwtKeys;
using AliasService.Domain.JwtKeys;
using AliasService.Domain.Organizations;
using AutoMapper;

namespace AliasService.Application.Common.Mappings;

/// <summary>API keys (never with their secret in listings) and JWT keys to their wire DTOs.</summary>
public sealed class KeyMappingProfile : Profile
{
    public KeyMappingProfile()
    {
        CreateMap<ApiKey, ApiKeyDto>();
        CreateMap<ApiKey, CreatedApiKeyDto>();
        CreateMap<JwtKey, JwtKeyDto>().ForMember(d => d.PublicKey, o => o.MapFrom(s => s.PublicKeyPem));
    }
}
