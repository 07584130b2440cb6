using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.DeleteAlias;
using AliasService.Application.Aliases.Commands.UpdateAlias;
using AliasService.Application.Aliases.Queries.GetAlias;
using AliasService.Application.Common.Behaviours;
using AliasService.Application.Common.Interfaces;
using AliasService.Domain.AccessEvents;
using MediatR;
using Moq;

namespace AliasService.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class AccessEventBehaviourTests
{
    private readonly List<AccessEvent> _recorded = [];
    private Mock<IAccessEventSink> _sink = null!;
    private Mock<IRequestCaller> _caller = null!;

    [SetUp]
    public void SetUp()
    {
        _recorded.Clear();
        _sink = new Mock<IAccessEventSink>();
        _sink.Setup(s => s.Record(It.IsAny<AccessEvent>())).Callback<AccessEvent>(_recorded.Add);
        _caller = new Mock<IRequestCaller>();
        _caller.SetupGet(c => c.ApiKeyId).Returns("ak_key");
        _caller.SetupGet(c => c.ClientAddress).Returns("198.51.100.4");
    }

    private AccessEventBehaviour<TRequest, TResponse> Behaviour<TRequest, TResponse>() => new(_sink.Object, _caller.Object, TestClock.Create());

    [Test]
    public async Task Update_RecordsTheNamesOfTheFieldsItSet_NeverTheirValues()
    {
        var command = new UpdateAliasCommand("org_1", "alias_1") { Passcode = "secret-passcode-1", Name = "Room" };

        await Behaviour<UpdateAliasCommand, AliasDto>().Handle(command, CancellationToken.None, () => Task.FromResult<AliasDto>(null!));

        var e = _recorded.Should().ContainSingle().Subject;
        (e.AliasId, e.OrganizationId, e.Kind, e.Outcome, e.ApiKeyId, e.ClientAddress, e.OccurredAt).Should().Be(
            ("alias_1", "org_1", AccessEventKinds.Management, AccessOutcomes.Updated, "ak_key", "198.51.100.4", TestClock.StartSeconds));
        e.ChangedFieldNames().Should().Equal("name", "passcode");
        e.ChangedFields.Should().NotContain("secret-passcode-1");
    }

    [Test]
    public async Task FailedCommand_RecordsNothing()
    {
        var act = () => Behaviour<DeleteAliasCommand, Unit>().Handle(new DeleteAliasCommand("org_1", "alias_1"), CancellationToken.None, () => throw new InvalidOperationException("refused"));

        await act.Should().ThrowAsync<InvalidOperationException>();
        _recorded.Should().BeEmpty();
    }

    [Test]
    public async Task RequestThatChangesNothing_RecordsNothing()
    {
        await Behaviour<GetAliasQuery, AliasDto>().Handle(new GetAliasQuery("org_1", "alias_1"), CancellationToken.None, () => Task.FromResult<AliasDto>(null!));

        _recorded.Should().BeEmpty();
    }
}
