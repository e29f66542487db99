using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>A rule broken at one place in the source, before de-duplication.</summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor rule, SyntaxNode anchor, Location location, string what, string where, bool written)
        {
            Rule = rule;
            Written = written;
            Anchor = anchor;
            Location = location;
            What = what;
            Where = where;
        }

        /// <summary>The broken rule.</summary>
        public DiagnosticDescriptor Rule { get; }

        /// <summary>
        /// True when the source spells the feature out (a keyword, a declaration, a literal, ^ or ..);
        /// false when it was found through the type an expression binds to.
        /// </summary>
        public bool Written { get; }

        /// <summary>The statement or member the finding belongs to; one diagnostic per rule and anchor.</summary>
        public SyntaxNode Anchor { get; }

        /// <summary>The source written by the user that breaks the rule.</summary>
        public Location Location { get; }

        /// <summary>What was used, e.g. "generic type 'List&lt;int&gt;'".</summary>
        public string What { get; }

        /// <summary>The enclosing member or type, e.g. "Network.Step(int)".</summary>
        public string Where { get; }

        public Diagnostic ToDiagnostic()
        {
            return Diagnostic.Create(Rule, Location, What, Where);
        }
    }
}
