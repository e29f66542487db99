namespace NanoSnn.Cli.Commands
{
    /// <summary>
    /// A command stops with a message for stderr and an exit code. Thrown by command code,
    /// caught once by <see cref="CommandRunner"/>; the message says what was wrong and what
    /// would be valid.
    /// </summary>
    public sealed class CommandFailure : System.Exception
    {
        private CommandFailure(int exitCode, string message, System.Exception inner)
            : base(message, inner)
        {
            ExitCode = exitCode;
        }

        /// <summary>The exit code the process returns.</summary>
        public readonly int ExitCode;

        /// <summary>Bad input (exit code 2).</summary>
        public static CommandFailure Usage(string message, System.Exception inner = null)
        {
            return new CommandFailure(ExitCodes.Usage, message, inner);
        }

        /// <summary>A failure while running (exit code 1).</summary>
        public static CommandFailure Runtime(string message, System.Exception inner = null)
        {
            return new CommandFailure(ExitCodes.Failure, message, inner);
        }
    }
}
