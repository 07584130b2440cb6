using AliasService.Application.Common.Interfaces;
using AliasService.Domain.Aliases;
using AutoMapper;
using MediatR;

namespace AliasService.Application.Aliases.Commands.CreateAlias;

/// <summary>Builds the aggregate (which enforces the rules), stores it, answers the owner view.</summary>
public sealed class CreateAliasCommandHandler(IAliasRepository aliases, IUnitOfWork unitOfWork, TimeProvider clock, IMapper mapper)
    : IRequestHandler<CreateAliasCommand, AliasDto>
{
    public async Task<AliasDto> Handle(CreateAliasCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var alias = Alias.Create(
            request.OrganizationId,
            AliasTypes.Parse(request.Type),
            request.Name,
            request.Passcode,
            request.JwtSecret,
            request.StreamKey,
            request.ExpiredAt!.Value,
            clock);
        aliases.Add(alias);
        await unitOfWork.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return mapper.Map<AliasDto>(alias.ViewFor(AliasViewer.Owner));
    }
}
