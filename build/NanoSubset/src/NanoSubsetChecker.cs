using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>
    /// Runs the nano-subset rules over one syntax tree. The analyzer uses it on every tree of a
    /// NanoSubset project; tests use it directly, e.g. on firmware sources that can only be
    /// compiled with errors on the host (unresolved nanoFramework types are ignored).
    /// </summary>
    public static class NanoSubsetChecker
    {
        /// <summary>The MSBuild property (seen as build_property.*) that allows float and double.</summary>
        public const string AllowFloatingPointProperty = "NanoSubsetAllowFloatingPoint";

        /// <summary>
        /// Returns one diagnostic per rule broken in each statement or member of the model's tree,
        /// leaving out host-only code (branches that #if NANOFRAMEWORK_1_0 removes on the device).
        /// </summary>
        /// <param name="model">The semantic model of the tree to check.</param>
        /// <param name="allowFloatingPoint">True to accept float and double (NANO018 off).</param>
        /// <param name="cancellationToken">Cancels the walk.</param>
        public static ImmutableArray<Diagnostic> Check(SemanticModel model, bool allowFloatingPoint, CancellationToken cancellationToken)
        {
            var findings = new FindingSet();
            var walker = new NanoSubsetWalker(model, allowFloatingPoint, findings, cancellationToken);
            walker.Visit(model.SyntaxTree.GetRoot(cancellationToken));
            return findings.ToDiagnostics(HostOnlyCode.Spans(model.SyntaxTree, cancellationToken));
        }
    }
}
