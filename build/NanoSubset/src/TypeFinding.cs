using Microsoft.CodeAnalysis;

namespace NanoSnn.NanoSubset
{
    /// <summary>One reason why a type cannot be used on nanoFramework 1.x.</summary>
    internal readonly struct TypeFinding
    {
        public TypeFinding(DiagnosticDescriptor rule, string description)
        {
            Rule = rule;
            Description = description;
        }

        /// <summary>The rule the type breaks.</summary>
        public DiagnosticDescriptor Rule { get; }

        /// <summary>What was used, e.g. "type 'List&lt;int&gt;' from System.Collections.Generic".</summary>
        public string Description { get; }
    }
}
