using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Decides which NANO rules a type breaks, looking through arrays, pointers and type
    /// arguments (List&lt;double&gt; breaks both NANO003 and NANO018).
    /// </summary>
    internal static class TypeClassifier
    {
        private const int MaxDepth = 8;

        /// <summary>Namespaces nothing may be used from, with their rule and what their types are called in messages.</summary>
        private static readonly (string Namespace, DiagnosticDescriptor Rule, string What)[] BannedNamespaces =
        {
            ("System.Collections.Generic", NanoSubsetRules.CollectionsGeneric, "System.Collections.Generic type"),
            ("System.Linq", NanoSubsetRules.Linq, "LINQ type"),
            ("System.Threading.Tasks", NanoSubsetRules.Async, "task type"),
        };

        public static void Classify(ITypeSymbol type, bool allowFloatingPoint, List<TypeFinding> into)
        {
            Classify(type, allowFloatingPoint, into, 0);
        }

        public static string Display(ISymbol symbol)
        {
            if (symbol is IArrayTypeSymbol array && array.Rank > 1)
            {
                return Display(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
            }

            return symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        }

        private static void Classify(ITypeSymbol type, bool allowFloatingPoint, List<TypeFinding> into, int depth)
        {
            if (type == null || depth > MaxDepth)
            {
                return;
            }

            switch (type.TypeKind)
            {
                case TypeKind.Error:
                case TypeKind.TypeParameter: // the generic declaration itself is reported (NANO001)
                    return;
                case TypeKind.Dynamic:
                    into.Add(new TypeFinding(NanoSubsetRules.Dynamic, "'dynamic'"));
                    return;
                case TypeKind.Pointer:
                    into.Add(new TypeFinding(NanoSubsetRules.Unsafe, "pointer type '" + Display(type) + "'"));
                    Classify(((IPointerTypeSymbol)type).PointedAtType, allowFloatingPoint, into, depth + 1);
                    return;
                case TypeKind.FunctionPointer:
                    into.Add(new TypeFinding(NanoSubsetRules.Unsafe, "function pointer type '" + Display(type) + "'"));
                    return;
                case TypeKind.Array:
                    var array = (IArrayTypeSymbol)type;
                    if (array.Rank > 1)
                    {
                        into.Add(new TypeFinding(
                            NanoSubsetRules.MultiDimensionalArray, "multi-dimensional array type '" + Display(type) + "'"));
                    }

                    Classify(array.ElementType, allowFloatingPoint, into, depth + 1);
                    return;
            }

            if (type is INamedTypeSymbol named)
            {
                ClassifyNamed(named, allowFloatingPoint, into, depth);
            }
        }

        private static void ClassifyNamed(INamedTypeSymbol type, bool allowFloatingPoint, List<TypeFinding> into, int depth)
        {
            string display = "'" + Display(type) + "'";
            switch (type.SpecialType)
            {
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                    AddFloatingPoint(display, allowFloatingPoint, into);
                    return;
                case SpecialType.System_Decimal:
                    into.Add(new TypeFinding(NanoSubsetRules.Decimal, "type 'decimal'"));
                    return;
            }

            DiagnosticDescriptor rule = SpecificRule(type, out string what);
            if (rule != null)
            {
                into.Add(new TypeFinding(rule, what + " " + display));
            }
            else if (type.IsAnonymousType)
            {
                into.Add(new TypeFinding(NanoSubsetRules.GenericUse, "anonymous type (compiled to a generic class)"));
                return;
            }
            else if (type.IsGenericType)
            {
                into.Add(new TypeFinding(NanoSubsetRules.GenericUse, "generic type " + display));
            }
            else if (IsHalf(type))
            {
                AddFloatingPoint(display, allowFloatingPoint, into);
            }

            foreach (ITypeSymbol argument in type.TypeArguments)
            {
                Classify(argument, allowFloatingPoint, into, depth + 1);
            }
        }

        /// <summary>A rule more specific than "generic type used", or null.</summary>
        private static DiagnosticDescriptor SpecificRule(INamedTypeSymbol type, out string what)
        {
            if (type.IsTupleType || (IsInNamespace(type, "System") && (type.Name == "ValueTuple" || type.Name == "Tuple")))
            {
                what = "tuple type";
                return NanoSubsetRules.Tuple;
            }

            if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                what = "nullable value type";
                return NanoSubsetRules.NullableValueType;
            }

            if (IsInNamespace(type, "System"))
            {
                switch (type.Name)
                {
                    case "Span":
                    case "ReadOnlySpan":
                    case "Memory":
                    case "ReadOnlyMemory":
                        what = "type";
                        return NanoSubsetRules.Span;
                    case "Index":
                    case "Range":
                        what = "type";
                        return NanoSubsetRules.IndexRange;
                    case "ArithmeticException":
                    case "DivideByZeroException":
                    case "NotFiniteNumberException":
                    case "OverflowException":
                        what = "exception type";
                        return NanoSubsetRules.MissingExceptionType;
                }
            }

            return NamespaceRule(type, out what);
        }

        /// <summary>The rule for a method from a banned namespace (e.g. Enumerable.Sum), or null.</summary>
        public static DiagnosticDescriptor NamespaceRule(ISymbol symbol)
        {
            return NamespaceRule(symbol, out _);
        }

        /// <summary>The rule of the banned namespace <paramref name="symbol"/> is in, or null; <paramref name="what"/> names its types.</summary>
        private static DiagnosticDescriptor NamespaceRule(ISymbol symbol, out string what)
        {
            string ns = symbol.ContainingNamespace == null ? "" : symbol.ContainingNamespace.ToDisplayString();
            foreach (var banned in BannedNamespaces)
            {
                if (StartsWithNamespace(ns, banned.Namespace))
                {
                    what = banned.What;
                    return banned.Rule;
                }
            }

            what = null;
            return null;
        }

        private static void AddFloatingPoint(string display, bool allowFloatingPoint, List<TypeFinding> into)
        {
            if (!allowFloatingPoint)
            {
                into.Add(new TypeFinding(NanoSubsetRules.FloatingPoint, "floating-point type " + display));
            }
        }

        private static bool IsHalf(INamedTypeSymbol type)
        {
            return type.Name == "Half" && IsInNamespace(type, "System");
        }

        private static bool IsInNamespace(INamedTypeSymbol type, string ns)
        {
            return type.ContainingType == null && NamespaceOf(type) == ns;
        }

        private static string NamespaceOf(ITypeSymbol type)
        {
            return type.ContainingNamespace == null ? "" : type.ContainingNamespace.ToDisplayString();
        }

        private static bool StartsWithNamespace(string ns, string prefix)
        {
            return ns == prefix || ns.StartsWith(prefix + ".", System.StringComparison.Ordinal);
        }
    }
}
