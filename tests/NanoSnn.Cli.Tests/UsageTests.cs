using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Cli.Tests
{
    [TestClass]
    public sealed class UsageTests
    {
        [TestMethod]
        [DataRow("run", "--steps", "0")]
        [DataRow("run", "--steps", "-5")]
        [DataRow("run", "--steps", "abc")]
        [DataRow("run", "--seed", "x")]
        [DataRow("run", "--bogus")]
        [DataRow("bench", "--input-rate", "1.5")]
        [DataRow("bench", "--input-rate", "-0.1")]
        [DataRow("bench", "--hidden", "0")]
        [DataRow("bench", "--hidden", "65536")]
        [DataRow("bench", "--inputs", "70000")]
        [DataRow("bench", "--outputs", "ten")]
        [DataRow("bench", "--steps", "0")]
        [DataRow("bench", "--workload", "nope")]
        [DataRow("inspect")]
        [DataRow("verify")]
        [DataRow("fit")]
        [DataRow("fit", "--board", "esp32-devkitc", "--shape", "inputs")]
        [DataRow("run", "--hash-interval", "70000")]
        [DataRow("run", "--reward-every", "-1")]
        [DataRow("run", "--reward", "17")]
        [DataRow("run", "--reward", "NaN")]
        [DataRow("frobnicate")]
        public void BadArgumentsExitTwoWithAMessage(params string[] args)
        {
            CliRun run = CliRun.Invoke(args);
            Assert.AreEqual(2, run.ExitCode, run.ToString());
            Assert.IsTrue(run.Error.Trim().Length > 0, "no message on stderr");
            StringAssert.Contains(run.Error, "--help");
        }

        [TestMethod]
        public void OutOfRangeMessageSaysWhatIsValid()
        {
            CliRun run = CliRun.Invoke("bench", "--hidden", "65536");
            StringAssert.Contains(run.Error, "--hidden");
            StringAssert.Contains(run.Error, "1..65535");
            CliRun rate = CliRun.Invoke("bench", "--input-rate", "1.5");
            StringAssert.Contains(rate.Error, "0..1");
        }

        [TestMethod]
        public void NoCommandIsUsageError()
        {
            CliRun run = CliRun.Invoke();
            Assert.AreEqual(2, run.ExitCode, run.ToString());
        }

        [TestMethod]
        public void RootHelpListsTheCommands()
        {
            CliRun run = CliRun.Invoke("--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            foreach (string command in new[] { "run", "inspect", "bench", "verify", "fit", "monitor" }) StringAssert.Contains(run.Output, command);
        }

        [TestMethod]
        [DataRow("run", "--steps", "--seed", "--model", "--save", "--json", "--record", "--save-initial", "--hash-interval", "--reward-every", "--reward")]
        [DataRow("verify", "log", "--model", "--json", "bit-exact", "first divergent tick", "Exit codes")]
        [DataRow("fit", "file", "--board", "--shape", "--learning", "--inputs", "--rec", "--outputs", "--telemetry-bytes", "--json", "model_budget_bytes", "Exit codes")]
        [DataRow("monitor", "--file", "--udp", "--duration", "--frames", "--interval", "--json", "Exit codes")]
        [DataRow("inspect", "file")]
        [DataRow("bench", "--workload", "--inputs", "--hidden", "--outputs", "--steps", "--input-rate", "--seed", "--json")]
        public void CommandHelpMentionsItsOptions(string command, params string[] mentions)
        {
            CliRun run = CliRun.Invoke(command, "--help");
            Assert.AreEqual(0, run.ExitCode, run.ToString());
            StringAssert.Contains(run.Output, "Description");
            foreach (string mention in mentions) StringAssert.Contains(run.Output, mention);
        }
    }
}
