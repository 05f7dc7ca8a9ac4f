using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace CiMigrate.Tests.Architecture;

/// <summary>
/// Every type a compiled assembly's types use: base types, interfaces, attributes, signatures of fields and methods,
/// local variables, and the types, methods and fields named by each method body's IL. A qualified name (or a
/// <c>using</c> alias) leaves no trace in source lines, but it does in here. Nested and compiler-made types (lambdas,
/// async state machines) count as their outermost declaring type.
/// </summary>
static class TypeUses
{
    /// <summary>A type as the metadata names it: its assembly, its namespace (of the outermost type) and its name.</summary>
    public sealed record TypeName(string Assembly, string Namespace, string Name)
    {
        public override string ToString() => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";
    }

    public sealed record Use(TypeName From, TypeName To);

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The uses of other types by the types of <paramref name="assembly"/> (a type's uses of itself left out).</summary>
    public static IReadOnlyList<Use> Of(Assembly assembly)
    {
        using var file = File.OpenRead(assembly.Location);
        using var pe = new PEReader(file);
        var reader = pe.GetMetadataReader();
        var names = new Names(reader);
        var uses = new HashSet<Use>();
        foreach (var handle in reader.TypeDefinitions)
        {
            var from = names.Of(handle);
            var used = new HashSet<TypeName>();
            new Collector(reader, pe, names, used).Type(reader.GetTypeDefinition(handle));
            foreach (var to in used.Where(to => to != from))
                uses.Add(new Use(from, to));
        }

        return [.. uses];
    }

    /// <summary>Names of type definitions and references, by their outermost type.</summary>
    sealed class Names(MetadataReader reader)
    {
        readonly string _assembly = reader.GetString(reader.GetAssemblyDefinition().Name);

        public TypeName Of(TypeDefinitionHandle handle)
        {
            var type = reader.GetTypeDefinition(handle);
            while (type.GetDeclaringType() is { IsNil: false } outer)
                type = reader.GetTypeDefinition(outer);
            return new(_assembly, reader.GetString(type.Namespace), reader.GetString(type.Name));
        }

        public TypeName Of(TypeReferenceHandle handle)
        {
            var type = reader.GetTypeReference(handle);
            while (type.ResolutionScope.Kind == HandleKind.TypeReference)
                type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
            var assembly = type.ResolutionScope.Kind == HandleKind.AssemblyReference
                ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name)
                : _assembly;
            return new(assembly, reader.GetString(type.Namespace), reader.GetString(type.Name));
        }
    }

    /// <summary>Gathers the types one type definition uses into <c>used</c>.</summary>
    sealed class Collector(MetadataReader reader, PEReader pe, Names names, HashSet<TypeName> used)
    {
        readonly SignatureTypes _signatures = new(names);

        public void Type(TypeDefinition type)
        {
            Entity(type.BaseType);
            foreach (var implementation in type.GetInterfaceImplementations())
                Entity(reader.GetInterfaceImplementation(implementation).Interface);
            Attributes(type.GetCustomAttributes());
            Constraints(type.GetGenericParameters());
            foreach (var handle in type.GetFields())
            {
                var field = reader.GetFieldDefinition(handle);
                Add(field.DecodeSignature(_signatures, null));
                Attributes(field.GetCustomAttributes());
            }

            foreach (var handle in type.GetMethods())
                Method(reader.GetMethodDefinition(handle));
            foreach (var handle in type.GetProperties())
                Attributes(reader.GetPropertyDefinition(handle).GetCustomAttributes());
            foreach (var handle in type.GetEvents())
                Entity(reader.GetEventDefinition(handle).Type);
            foreach (var nested in type.GetNestedTypes())
                Type(reader.GetTypeDefinition(nested));
        }

        void Method(MethodDefinition method)
        {
            Signature(method.DecodeSignature(_signatures, null));
            Attributes(method.GetCustomAttributes());
            Constraints(method.GetGenericParameters());
            foreach (var parameter in method.GetParameters())
                Attributes(reader.GetParameter(parameter).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0)
                return;
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                Add(reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_signatures, null));
            foreach (var region in body.ExceptionRegions)
                Entity(region.CatchType);
            Instructions(body.GetILReader());
        }

        void Instructions(BlobReader il)
        {
            while (il.RemainingBytes > 0)
            {
                short value = il.ReadByte();
                if (value == 0xFE)
                    value = unchecked((short)(0xFE00 | il.ReadByte()));
                var code = OpCodesByValue[value];
                switch (code.OperandType)
                {
                    case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField
                        or OperandType.InlineTok or OperandType.InlineSig:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32();
                        il.Offset += 4 * targets;
                        break;
                    default:
                        il.Offset += OperandSize(code.OperandType);
                        break;
                }
            }
        }

        static int OperandSize(OperandType type) => type switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            _ => 4,
        };

        void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
                return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    used.Add(names.Of((TypeDefinitionHandle)handle));
                    break;
                case HandleKind.TypeReference:
                    used.Add(names.Of((TypeReferenceHandle)handle));
                    break;
                case HandleKind.TypeSpecification:
                    Add(reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(_signatures, null));
                    break;
                case HandleKind.MethodDefinition:
                    Entity(reader.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Entity(reader.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = reader.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                        Signature(member.DecodeMethodSignature(_signatures, null));
                    else
                        Add(member.DecodeFieldSignature(_signatures, null));
                    break;
                case HandleKind.MethodSpecification:
                    var specification = reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(specification.Method);
                    foreach (var argument in specification.DecodeSignature(_signatures, null))
                        Add(argument);
                    break;
                case HandleKind.StandaloneSignature:
                    var standalone = reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                    if (standalone.GetKind() == StandaloneSignatureKind.Method)
                        Signature(standalone.DecodeMethodSignature(_signatures, null));
                    break;
            }
        }

        void Signature(MethodSignature<ImmutableArray<TypeName>> signature)
        {
            Add(signature.ReturnType);
            foreach (var parameter in signature.ParameterTypes)
                Add(parameter);
        }

        void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attribute in attributes)
                Entity(reader.GetCustomAttribute(attribute).Constructor);
        }

        void Constraints(GenericParameterHandleCollection parameters)
        {
            foreach (var parameter in parameters)
                foreach (var constraint in reader.GetGenericParameter(parameter).GetConstraints())
                    Entity(reader.GetGenericParameterConstraint(constraint).Type);
        }

        void Add(ImmutableArray<TypeName> types) => used.UnionWith(types);

        void Add(IEnumerable<ImmutableArray<TypeName>> types)
        {
            foreach (var type in types)
                Add(type);
        }
    }

    /// <summary>The named types in a signature: a generic instance names its type and each argument.</summary>
    sealed class SignatureTypes(Names names) : ISignatureTypeProvider<ImmutableArray<TypeName>, object?>
    {
        public ImmutableArray<TypeName> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [names.Of(handle)];

        public ImmutableArray<TypeName> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => [names.Of(handle)];

        public ImmutableArray<TypeName> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public ImmutableArray<TypeName> GetGenericInstantiation(ImmutableArray<TypeName> genericType, ImmutableArray<ImmutableArray<TypeName>> typeArguments) =>
            [.. genericType, .. typeArguments.SelectMany(argument => argument)];

        public ImmutableArray<TypeName> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeName>> signature) =>
            [.. signature.ReturnType, .. signature.ParameterTypes.SelectMany(parameter => parameter)];

        public ImmutableArray<TypeName> GetModifiedType(ImmutableArray<TypeName> modifier, ImmutableArray<TypeName> unmodifiedType, bool isRequired) => unmodifiedType;

        public ImmutableArray<TypeName> GetArrayType(ImmutableArray<TypeName> elementType, ArrayShape shape) => elementType;

        public ImmutableArray<TypeName> GetSZArrayType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetByReferenceType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPointerType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPinnedType(ImmutableArray<TypeName> elementType) => elementType;

        public ImmutableArray<TypeName> GetPrimitiveType(PrimitiveTypeCode typeCode) => [];

        public ImmutableArray<TypeName> GetGenericMethodParameter(object? genericContext, int index) => [];

        public ImmutableArray<TypeName> GetGenericTypeParameter(object? genericContext, int index) => [];
    }
}
