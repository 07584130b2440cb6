using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.CreateAlias;
using AliasService.Application.Aliases.Commands.DeleteAlias;
using AliasService.Application.Aliases.Commands.UpdateAlias;
using AliasService.Application.Aliases.Queries.ListAliases;
using AliasService.Application.Common.Interfaces;
using AliasService.Application.Common.Paging;
using AliasService.Application.Organizations.Commands.CreateOrganization;
using AliasService.Application.UnitTests.TestSupport;
using AliasService.Domain.Aliases;
using AliasService.Domain.Common;
using AliasService.Domain.Organizations;
using AutoMapper;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AliasService.Application.UnitTests;

[TestFixture]
public sealed class DependencyInjectionTests
{
    private Mock<IAliasRepository> _aliases = null!;
    private Mock<IOrganizationRepository> _organizations = null!;
    private Mock<IUnitOfWork> _unitOfWork = null!;
    private ServiceProvider _provider = null!;
    private IServiceScope _scope = null!;

    [SetUp]
    public void SetUp()
    {
        _aliases = new Mock<IAliasRepository>();
        _organizations = new Mock<IOrganizationRepository>();
        _unitOfWork = new Mock<IUnitOfWork>();

        // What the host provides (both WebApi and the CLI run on a .NET host, which registers logging; Infrastructure
        // registers the ports); everything else must come from AddApplication.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddScoped(_ => _aliases.Object);
        services.AddScoped(_ => _organizations.Object);
        services.AddScoped(_ => _unitOfWork.Object);
        services.AddScoped(_ => Mock.Of<IJwtKeyRepository>());
        services.AddScoped(_ => Mock.Of<IAliasTokenVerifier>());
        services.AddSingleton(Mock.Of<ITokenIssuer>());
        services.AddSingleton(Mock.Of<IPublicKeyReader>());
        services.AddSingleton<IKeysetCursorProtector>(new TestCursors());
        services.AddSingleton(Mock.Of<IAccessEventSink>());
        services.AddSingleton(Mock.Of<IRequestCaller>());
        services.AddScoped(_ => Mock.Of<IAccessEventRepository>());

        services.AddApplication(autoMapperLicenseKey: null);

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _scope = _provider.CreateScope();
    }

    [TearDown]
    public void TearDown()
    {
        _scope.Dispose();
        _provider.Dispose();
    }

    private IMediator Mediator => _scope.ServiceProvider.GetRequiredService<IMediator>();

    [Test]
    public void AddApplication_RegistersIMediator()
    {
        _scope.ServiceProvider.GetService<IMediator>().Should().NotBeNull();
    }

    [Test]
    public void AddApplication_RegistersEveryRequestHandler()
    {
        var handlers = Implementations(typeof(IRequestHandler<,>));

        handlers.Select(h => h.Contract).Should().Contain(
        [
            typeof(IRequestHandler<CreateAliasCommand, AliasDto>),
            typeof(IRequestHandler<UpdateAliasCommand, AliasDto>),
            typeof(IRequestHandler<DeleteAliasCommand, Unit>),
            typeof(IRequestHandler<ListAliasesQuery, AliasListDto>),
            typeof(IRequestHandler<CreateOrganizationCommand, CreatedOrganizationDto>),
        ]);
        handlers.Should().AllSatisfy(h => _scope.ServiceProvider.GetService(h.Contract).Should().BeOfType(h.Implementation, h.Contract.ToString()));
    }

    [Test]
    public void AddApplication_RegistersEveryValidator()
    {
        var validators = Implementations(typeof(IValidator<>));

        validators.Select(v => v.Contract).Should().Contain(
        [
            typeof(IValidator<CreateAliasCommand>),
            typeof(IValidator<UpdateAliasCommand>),
            typeof(IValidator<ListAliasesQuery>),
            typeof(IValidator<CreateOrganizationCommand>),
        ]);
        validators.Should().AllSatisfy(v => _scope.ServiceProvider.GetServices(v.Contract).Should().ContainSingle(v.Contract.ToString())
            .Which.Should().BeOfType(v.Implementation));
    }

    /// <summary>Every concrete class of the Application assembly with the closed form of <paramref name="openContract"/> it implements.</summary>
    private static List<(Type Contract, Type Implementation)> Implementations(Type openContract) =>
        [.. typeof(DependencyInjection).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == openContract)
                .Select(i => (Contract: i, Implementation: t)))];

    [Test]
    public void AddApplication_RegistersAMapperWithAValidConfiguration()
    {
        var mapper = _scope.ServiceProvider.GetRequiredService<IMapper>();

        var act = mapper.ConfigurationProvider.AssertConfigurationIsValid;

        act.Should().NotThrow();
    }

    [Test]
    public async Task Send_ValidCreateAliasCommand_RunsTheHandlerThroughThePipeline()
    {
        var command = new CreateAliasCommand("org_1", "live", "Town hall", null, null, "stream", TestClock.StartSeconds + 60);

        var dto = await Mediator.Send(command);

        dto.Should().BeEquivalentTo(new { Type = "live", Name = "Town hall", StreamKey = "stream", ExpiredAt = TestClock.StartSeconds + 60 });
        _aliases.Verify(r => r.Add(It.Is<Alias>(a => a.Id == dto.Id && a.OrganizationId == "org_1")), Times.Once);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Send_InvalidCreateAliasCommand_ThrowsDomainValidationExceptionBeforeTheHandler()
    {
        var command = new CreateAliasCommand("org_1", "webinar", null, null, null, null, null);

        var act = () => Mediator.Send(command);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("type", "expired_at");
        _aliases.Verify(r => r.Add(It.IsAny<Alias>()), Times.Never);
        _unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Send_UpdateAliasCommandClearingType_ThrowsDomainValidationExceptionWithoutLoadingTheAlias()
    {
        var command = new UpdateAliasCommand("org_1", "alias_1") { Type = new Domain.Common.Optional<string>(null!) };

        var act = () => Mediator.Send(command);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("type");
        _aliases.Verify(r => r.FindOwnedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Send_ListAliasesQueryWithBadCursor_ThrowsDomainValidationExceptionKeyedAfter()
    {
        var act = () => Mediator.Send(new ListAliasesQuery("org_1", null, "not-a-cursor!", null));

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("after");
    }

    [Test]
    public async Task Send_ListAliasesQuery_RunsTheHandler()
    {
        _aliases
            .Setup(r => r.ListAsync("org_1", AliasType.Live, null, 11, It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);

        var page = await Mediator.Send(new ListAliasesQuery("org_1", "live", null, 10));

        page.Should().BeEquivalentTo(new AliasListDto(null, []));
        _aliases.VerifyAll();
    }

    [Test]
    public async Task Send_DeleteAliasCommandForAMissingAlias_ReachesTheHandlerAndThrowsAliasNotFound()
    {
        var act = () => Mediator.Send(new DeleteAliasCommand("org_1", "missing"));

        await act.Should().ThrowAsync<AliasNotFoundException>();
        _aliases.Verify(r => r.FindOwnedAsync("org_1", "missing", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Send_CreateOrganizationCommand_StoresTheOrganizationAndReturnsItsFirstKey()
    {
        Organization? added = null;
        _organizations.Setup(r => r.Add(It.IsAny<Organization>())).Callback<Organization>(o => added = o);

        var created = await Mediator.Send(new CreateOrganizationCommand("Acme"));

        created.OrganizationId.Should().Be(added!.Id);
        created.ApiKey.Should().Be(added.ApiKeys.Single().Id);
    }

    [Test]
    public async Task Send_CreateOrganizationCommandWithoutName_ThrowsDomainValidationExceptionKeyedName()
    {
        var act = () => Mediator.Send(new CreateOrganizationCommand(null));

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().Equal("name");
        _organizations.Verify(r => r.Add(It.IsAny<Organization>()), Times.Never);
    }
}
