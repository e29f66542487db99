namespace NanoSnn.Cli.Output
{
    /// <summary>Lower-case names of the core's enums, as printed and as written to JSON ("lif", "dense", "subtract").</summary>
    public static class Names
    {
        /// <summary>"input", "lif", "alif", "readout", ...</summary>
        public static string Of(PopulationKind kind)
        {
            return kind.ToString().ToLowerInvariant();
        }

        /// <summary>"dense" or "sparse".</summary>
        public static string Of(ProjectionKind kind)
        {
            return kind.ToString().ToLowerInvariant();
        }

        /// <summary>"subtract" or "zero".</summary>
        public static string Of(ResetMode mode)
        {
            return mode.ToString().ToLowerInvariant();
        }
    }
}
