using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AliasService.Infrastructure.Persistence;

/// <summary>
/// Decrypts protected columns into the domain properties as entities are materialized (tracked or not): the
/// instantiation of an entity type with protected columns is wrapped, so that the new instance goes with the row's key
/// and ciphertexts (read from the same row) to <see cref="Decrypt"/>. An instantiation binding rather than an
/// <see cref="IMaterializationInterceptor"/>: with one of those registered, EF Core builds a dictionary of accessor
/// delegates for every entity it materializes, of every type, which cost a sixth of a list page
/// (docs/performance.md, "Management").
/// </summary>
internal sealed class ProtectedColumnReader : IInstantiationBindingInterceptor
{
    /// <summary>One instance for every context: EF Core builds its internal services per singleton interceptor instance.</summary>
    public static readonly ProtectedColumnReader Instance = new();

    private static readonly MethodInfo DecryptMethod = typeof(ProtectedColumnReader).GetMethod(nameof(Decrypt), BindingFlags.NonPublic | BindingFlags.Static)!;

    public InstantiationBinding ModifyBinding(InstantiationBindingInterceptionData interceptionData, InstantiationBinding binding)
    {
        if (interceptionData.TypeBase is not IEntityType entityType || binding is DecryptingBinding)
        {
            return binding;
        }

        var fields = ProtectedColumns.For(entityType);
        return fields.Length == 0 ? binding : new DecryptingBinding(binding, fields);
    }

    private static object Decrypt(object entity, DbContext context, ProtectedColumns.ProtectedField[] fields, string rowId, string?[] stored, bool remember)
    {
        var protector = ((AliasServiceDbContext)context).Protector;
        var plaintexts = new string?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            plaintexts[i] = stored[i] is null ? null : protector.Unprotect(stored[i]!, fields[i].Column, rowId);
            fields[i].Clr.SetValue(entity, plaintexts[i]);
        }

        // Only a tracked entity can be saved, and only then does the writer compare against what was read; an
        // untracked one (a list page, a cache fill) would only cost a weak-table entry, taken under its lock.
        if (remember)
        {
            ProtectedColumns.Remember(entity, plaintexts);
        }

        return entity;
    }

    /// <summary>The entity type's own binding (same parameters, same constructor), followed by <see cref="Decrypt"/>.</summary>
    private sealed class DecryptingBinding(InstantiationBinding inner, ProtectedColumns.ProtectedField[] fields)
        : InstantiationBinding(inner.ParameterBindings)
    {
        public override Type RuntimeType => inner.RuntimeType;

        public override Expression CreateConstructorExpression(ParameterBindingInfo bindingInfo)
        {
            // Read straight from the row, not added as parameters: the key stays set by EF Core as before, and the
            // ciphertexts stay shadow values of a tracked entry.
            var rowId = new PropertyParameterBinding(fields[0].Key).BindToParameter(bindingInfo);
            var stored = fields.Select(f => Expression.Convert(new PropertyParameterBinding(f.Shadow).BindToParameter(bindingInfo), typeof(string)));
            var context = Expression.Property(bindingInfo.MaterializationContextExpression, nameof(MaterializationContext.Context));
            var remember = bindingInfo.QueryTrackingBehavior is not (QueryTrackingBehavior.NoTracking or QueryTrackingBehavior.NoTrackingWithIdentityResolution);
            return Expression.Convert(
                Expression.Call(
                    DecryptMethod,
                    Expression.Convert(inner.CreateConstructorExpression(bindingInfo), typeof(object)),
                    context,
                    Expression.Constant(fields),
                    Expression.Convert(rowId, typeof(string)),
                    Expression.NewArrayInit(typeof(string), stored),
                    Expression.Constant(remember)),
                inner.RuntimeType);
        }

        public override InstantiationBinding With(IReadOnlyList<ParameterBinding> parameterBindings) =>
            new DecryptingBinding(inner.With(parameterBindings), fields);
    }
}
