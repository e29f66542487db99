using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// The diagnostics of the nano-subset guard, one per language feature that nanoFramework 1.x
    /// lacks (see shared/design/NANO-SUBSET.md). Every message reads
    /// "{what} in '{where}' is not available on nanoFramework 1.x; {what to use instead}".
    /// API-level bans (Math, StringBuilder, Array.Sort, ...) are RS0030 from BannedSymbols.txt.
    /// </summary>
    public static class NanoSubsetRules
    {
        /// <summary>The category shared by all NANO diagnostics.</summary>
        public const string Category = "NanoSubset";

        private const string NotOnNano = "{0} in '{1}' is not available on nanoFramework 1.x; ";

        /// <summary>NANO001: a generic type, method, local function or delegate is declared.</summary>
        public static readonly DiagnosticDescriptor GenericDeclaration = Create(
            "NANO001", "Generic declaration",
            "write it for the concrete element type instead (e.g. an int[] or short[] version)");

        /// <summary>NANO002: a generic type or generic method is used (explicitly or by inference).</summary>
        public static readonly DiagnosticDescriptor GenericUse = Create(
            "NANO002", "Generic type or method used",
            "use a non-generic type or method (primitive arrays, non-generic interfaces and delegates)");

        /// <summary>NANO003: anything from System.Collections.Generic.</summary>
        public static readonly DiagnosticDescriptor CollectionsGeneric = Create(
            "NANO003", "System.Collections.Generic used",
            "use a primitive array (e.g. int[] plus a count) sized at construction");

        /// <summary>NANO004: LINQ (System.Linq types, extension methods or query expressions).</summary>
        public static readonly DiagnosticDescriptor Linq = Create(
            "NANO004", "LINQ used",
            "write an explicit for loop over the array");

        /// <summary>NANO005: Span, ReadOnlySpan, Memory or ReadOnlyMemory.</summary>
        public static readonly DiagnosticDescriptor Span = Create(
            "NANO005", "Span or Memory used",
            "pass the array together with an offset and a count");

        /// <summary>NANO006: a nullable value type (Nullable&lt;T&gt;, int?).</summary>
        public static readonly DiagnosticDescriptor NullableValueType = Create(
            "NANO006", "Nullable value type used",
            "use a sentinel value (e.g. -1) or a separate bool flag");

        /// <summary>NANO007: tuple types, tuple literals and deconstruction.</summary>
        public static readonly DiagnosticDescriptor Tuple = Create(
            "NANO007", "Tuple used",
            "return the values through out parameters or a small class with named fields");

        /// <summary>NANO008: a record class or record struct is declared.</summary>
        public static readonly DiagnosticDescriptor Record = Create(
            "NANO008", "Record declared",
            "declare a plain class or struct with explicit fields");

        /// <summary>NANO009: Index/Range (^1, a[1..3], System.Index, System.Range).</summary>
        public static readonly DiagnosticDescriptor IndexRange = Create(
            "NANO009", "Index or Range used",
            "index explicitly (a[a.Length - 1]) and copy slices with Array.Copy");

        /// <summary>NANO010: yield iterators.</summary>
        public static readonly DiagnosticDescriptor Iterator = Create(
            "NANO010", "Iterator used",
            "fill and return an array, or expose a Count and an indexer");

        /// <summary>NANO011: dynamic.</summary>
        public static readonly DiagnosticDescriptor Dynamic = Create(
            "NANO011", "dynamic used",
            "use a static type");

        /// <summary>NANO012: decimal types and literals.</summary>
        public static readonly DiagnosticDescriptor Decimal = Create(
            "NANO012", "decimal used",
            "use fixed-point integers (int or long with a documented scale)");

        /// <summary>NANO013: async, await, Task and anything in System.Threading.Tasks.</summary>
        public static readonly DiagnosticDescriptor Async = Create(
            "NANO013", "async/await or Task used",
            "use System.Threading.Thread, Timer or events");

        /// <summary>NANO014: an interface member with a body (default interface method).</summary>
        public static readonly DiagnosticDescriptor DefaultInterfaceMember = Create(
            "NANO014", "Interface member with a body",
            "keep interface members abstract and put shared code in an abstract base class or a static helper");

        /// <summary>NANO015: unsafe code, pointers, fixed and stackalloc.</summary>
        public static readonly DiagnosticDescriptor Unsafe = Create(
            "NANO015", "Unsafe code used",
            "use managed arrays and indices");

        /// <summary>NANO016: multi-dimensional arrays (T[,]).</summary>
        public static readonly DiagnosticDescriptor MultiDimensionalArray = Create(
            "NANO016", "Multi-dimensional array used",
            "use a flat array indexed as [row * columns + column] (or a jagged array)");

        /// <summary>NANO017: checked expressions and statements.</summary>
        public static readonly DiagnosticDescriptor Checked = Create(
            "NANO017", "checked arithmetic used",
            "nanoCLR wraps silently where the host throws, so saturate or range-check explicitly");

        /// <summary>NANO018: float/double types, literals and conversions (unless NanoSubsetAllowFloatingPoint=true).</summary>
        public static readonly DiagnosticDescriptor FloatingPoint = new DiagnosticDescriptor(
            "NANO018", "Floating point used",
            "{0} in '{1}' is not allowed in nano-subset code; use fixed-point integers instead "
                + "(a Q16 value in an int, a Q14 value in a short), or set NanoSubsetAllowFloatingPoint=true in a test project",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "The core is fixed-point so that the host and the device compute bit-identical results.");

        /// <summary>NANO019: exception types that do not exist in nanoFramework 1.x mscorlib.</summary>
        public static readonly DiagnosticDescriptor MissingExceptionType = Create(
            "NANO019", "Exception type missing on nanoFramework",
            "throw or catch an exception type that exists there (integer divide by zero throws plain System.Exception on the device)");

        /// <summary>All descriptors, in id order.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            GenericDeclaration, GenericUse, CollectionsGeneric, Linq, Span, NullableValueType, Tuple,
            Record, IndexRange, Iterator, Dynamic, Decimal, Async, DefaultInterfaceMember, Unsafe,
            MultiDimensionalArray, Checked, FloatingPoint, MissingExceptionType);

        private static DiagnosticDescriptor Create(string id, string title, string instead)
        {
            return new DiagnosticDescriptor(
                id, title, NotOnNano + instead, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                description: "Code that must run on nanoFramework 1.x may not use this; see shared/design/NANO-SUBSET.md.");
        }
    }
}
