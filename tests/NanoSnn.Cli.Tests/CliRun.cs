using System.IO;

namespace NanoSnn.Cli.Tests
{
    /// <summary>One in-process invocation of <c>nanosnn</c> with its exit code and captured output.</summary>
    internal sealed class CliRun
    {
        private CliRun(int exitCode, string output, string error)
        {
            ExitCode = exitCode;
            Output = output;
            Error = error;
        }

        public readonly int ExitCode;
        public readonly string Output;
        public readonly string Error;

        public static CliRun Invoke(params string[] args)
        {
            StringWriter output = new StringWriter();
            StringWriter error = new StringWriter();
            int code = Program.Run(args, output, error);
            return new CliRun(code, output.ToString(), error.ToString());
        }

        public override string ToString()
        {
            return "exit " + ExitCode + "\n--- stdout\n" + Output + "\n--- stderr\n" + Error;
        }
    }
}
