using AliasService.Application.Aliases;
using AliasService.Application.Aliases.Commands.CreateAlias;
using AliasService.Application.Common.Behaviours;
using AliasService.Domain.Common;
using FluentValidation;
using MediatR;

namespace AliasService.Application.UnitTests.Common.Behaviours;

[TestFixture]
public sealed class ValidationBehaviourTests
{
    private int _nextCalls;

    [SetUp]
    public void SetUp() => _nextCalls = 0;

    private Task<string> Next()
    {
        _nextCalls++;
        return Task.FromResult("handled");
    }

    private static ValidationBehaviour<ProbeRequest, string> Behaviour(params IValidator<ProbeRequest>[] validators) => new(validators);

    private static ProbeRequest AnyRequest() => new(null, null, null);

    [Test]
    public async Task Handle_WithNoValidators_CallsTheHandlerAndReturnsItsResult()
    {
        var result = await Behaviour().Handle(AnyRequest(), CancellationToken.None, Next);

        result.Should().Be("handled");
        _nextCalls.Should().Be(1);
    }

    [Test]
    public async Task Handle_WhenEveryValidatorPasses_CallsTheHandlerOnce()
    {
        var passing = new InlineValidator<ProbeRequest> { v => v.RuleFor(r => r.FirstName).Null() };

        await Behaviour(passing, passing).Handle(AnyRequest(), CancellationToken.None, Next);

        _nextCalls.Should().Be(1);
    }

    [Test]
    public async Task Handle_WhenAValidatorFails_ThrowsDomainValidationExceptionAndNeverCallsTheHandler()
    {
        var failing = new InlineValidator<ProbeRequest> { v => v.RuleFor(r => r.FirstName).NotNull().WithMessage("is required") };

        var act = () => Behaviour(failing).Handle(AnyRequest(), CancellationToken.None, Next);

        await act.Should().ThrowAsync<DomainValidationException>();
        _nextCalls.Should().Be(0);
    }

    [Test]
    public async Task Handle_WithFailuresFromSeveralValidators_ReportsThemAllInOneExceptionKeyedBySnakeCaseFieldNames()
    {
        var first = new InlineValidator<ProbeRequest> { v => v.RuleFor(r => r.FirstName).NotNull().WithMessage("first is required") };
        var second = new InlineValidator<ProbeRequest>
        {
            v => v.RuleFor(r => r.ExpiredAt).NotNull().WithMessage("expiry is required"),
            v => v.RuleFor(r => r.JwtSecret).NotNull().WithMessage("secret is required"),
        };

        var act = () => Behaviour(first, second).Handle(AnyRequest(), CancellationToken.None, Next);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["first_name"] = ["first is required"],
            ["expired_at"] = ["expiry is required"],
            ["jwt_secret"] = ["secret is required"],
        });
    }

    [Test]
    public async Task Handle_WithTwoReasonsForOneField_ReportsBothUnderThatField()
    {
        var validator = new InlineValidator<ProbeRequest>
        {
            v => v.RuleFor(r => r.FirstName).NotNull().WithMessage("reason one"),
            v => v.RuleFor(r => r.FirstName).NotNull().WithMessage("reason two"),
        };

        var act = () => Behaviour(validator).Handle(AnyRequest(), CancellationToken.None, Next);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors["first_name"].Should().Equal("reason one", "reason two");
    }

    [Test]
    public async Task Handle_WithTheSameReasonFromTwoValidators_ReportsItOnce()
    {
        var validator = new InlineValidator<ProbeRequest> { v => v.RuleFor(r => r.FirstName).NotNull().WithMessage("is required") };

        var act = () => Behaviour(validator, validator).Handle(AnyRequest(), CancellationToken.None, Next);

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors["first_name"].Should().Equal("is required");
    }

    [Test]
    public async Task Handle_WithTheRealCreateAliasValidator_KeysFailuresByWireFieldNames()
    {
        var behaviour = new ValidationBehaviour<CreateAliasCommand, AliasDto>([new CreateAliasCommandValidator()]);
        var handlerCalled = false;

        var act = () => behaviour.Handle(
            new CreateAliasCommand("org_1", null, null, null, null, null, null),
            CancellationToken.None,
            () =>
            {
                handlerCalled = true;
                return Task.FromResult<AliasDto>(null!);
            });

        (await act.Should().ThrowAsync<DomainValidationException>()).Which.Errors.Keys.Should().BeEquivalentTo("type", "expired_at");
        handlerCalled.Should().BeFalse();
    }

    [Test]
    public async Task Handle_Always_PassesTheCancellationTokenToTheValidators()
    {
        using var cancellation = new CancellationTokenSource();
        CancellationToken seen = default;
        var validator = new InlineValidator<ProbeRequest>
        {
            v => v.RuleFor(r => r.FirstName).MustAsync((_, token) =>
            {
                seen = token;
                return Task.FromResult(true);
            }),
        };

        await Behaviour(validator).Handle(AnyRequest(), cancellation.Token, Next);

        seen.Should().Be(cancellation.Token);
    }
}

/// <summary>A request with multi-word property names, to see how the behaviour names fields.</summary>
internal sealed record ProbeRequest(string? FirstName, long? ExpiredAt, string? JwtSecret) : IRequest<string>;
