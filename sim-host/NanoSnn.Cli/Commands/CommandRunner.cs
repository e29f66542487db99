using System;

namespace NanoSnn.Cli.Commands
{
    /// <summary>Runs a command body and turns its failures into a stderr message and an exit code.</summary>
    public static class CommandRunner
    {
        /// <summary>Runs <paramref name="body"/>; a <see cref="CommandFailure"/> gives its own code, anything else exit 1.</summary>
        public static int Guard(CliContext context, Func<int> body)
        {
            try
            {
                return body();
            }
            catch (CommandFailure failure)
            {
                context.Error.WriteLine("nanosnn: " + failure.Message);
                return failure.ExitCode;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Error.WriteLine("nanosnn: unexpected " + e.GetType().Name + ": " + e.Message);
                return ExitCodes.Failure;
            }
        }
    }
}
