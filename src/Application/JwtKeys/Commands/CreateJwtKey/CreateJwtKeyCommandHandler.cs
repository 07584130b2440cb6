using AliasService.Application.Common.Interfaces;
using AliasService.Domain.JwtKeys;
using AutoMapper;
using MediatR;

namespace AliasService.Application.JwtKeys.Commands.CreateJwtKey;

/// <summary>Accepts only a supported public key; a private key is refused and never stored, logged or echoed.</summary>
public sealed class CreateJwtKeyCommandHandler(IJwtKeyRepository keys, IPublicKeyReader reader, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<CreateJwtKeyCommand, JwtKeyDto>
{
    public async Task<JwtKeyDto> Handle(CreateJwtKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = JwtKey.Create(request.OrganizationId, request.Name, reader.Read(request.PublicKey), clock);
        keys.Add(key);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<JwtKeyDto>(key);
    }
}
