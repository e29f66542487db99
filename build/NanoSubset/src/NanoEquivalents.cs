using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Methods whose .NET signature is generic or takes nullable parameters while the
    /// nanoFramework 1.x method of the same name takes plain types (MSTest's Assert.IsTrue(bool?)
    /// and Assert.AreEqual&lt;T&gt; against nanoFramework.TestFramework's overloads per primitive).
    /// A call of one that writes no type arguments compiles to a non-generic call on nano, so
    /// neither the inferred type arguments nor the conversions of its arguments are reported.
    /// </summary>
    internal static class NanoEquivalents
    {
        private const string MsTestAssert = "Microsoft.VisualStudio.TestTools.UnitTesting.Assert.";

        private static readonly HashSet<string> Methods = new HashSet<string>(StringComparer.Ordinal)
        {
            // nanoFramework mscorlib: Array.IndexOf(Array, object[, int[, int]]).
            "System.Array.IndexOf",

            // nanoFramework.TestFramework: overloads per primitive type plus object, bool conditions.
            MsTestAssert + "AreEqual",
            MsTestAssert + "AreNotEqual",
            MsTestAssert + "AreSame",
            MsTestAssert + "AreNotSame",
            MsTestAssert + "IsTrue",
            MsTestAssert + "IsFalse",
            MsTestAssert + "IsNull",
            MsTestAssert + "IsNotNull",
        };

        /// <summary>True when <paramref name="method"/> has a plain counterpart of the same name on nano.</summary>
        public static bool HasNanoCounterpart(IMethodSymbol method)
        {
            IMethodSymbol original = method.ReducedFrom ?? method;
            return original.ContainingType != null
                && Methods.Contains(original.ContainingType.ToDisplayString() + "." + original.Name);
        }
    }
}
