namespace NanoSnn.Cli.Commands
{
    /// <summary>The process exit codes of every command.</summary>
    public static class ExitCodes
    {
        /// <summary>Success.</summary>
        public const int Ok = 0;

        /// <summary>The command was valid but failed while running (I/O error, unexpected exception).</summary>
        public const int Failure = 1;

        /// <summary>Bad input: unknown or malformed option, out-of-range value, missing or invalid file.</summary>
        public const int Usage = 2;
    }
}
