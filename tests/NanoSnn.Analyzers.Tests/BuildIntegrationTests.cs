using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Analyzers.Tests.Harness;

namespace NanoSnn.Analyzers.Tests
{
    /// <summary>
    /// Proves the MSBuild wiring end to end: a throw-away SDK project that sets NanoSubset=true and
    /// picks up the repository's Directory.Build.props/targets fails `dotnet build` on a violation
    /// and builds once the violation is gone.
    /// </summary>
    [TestClass]
    public sealed class BuildIntegrationTests
    {
#if DEBUG
        private const string Configuration = "Debug";
#else
        private const string Configuration = "Release";
#endif

        private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);

        // Only compiles if ImplicitUsings is off: a global 'using System.IO;' makes File ambiguous.
        private const string ImplicitUsingsCanary = @"
using Probe.Io;
namespace Probe.Io { public static class File { public static int Size => 1; } }
namespace Probe { public static class Canary { public static int Size() => File.Size; } }
";

        private const string Violations = @"
namespace Probe
{
    public static class Counter
    {
        public static int Count()
        {
            var items = new System.Collections.Generic.List<int>();
            double scale = 1.5;
            return items.Count + System.Math.Abs(-1) + (int)scale;
        }
    }
}
";

        private const string NoViolation = @"
namespace Probe
{
    public static class Counter
    {
        public static int Count()
        {
            int[] items = new int[4];
            double scale = 1.5; // allowed: this build sets NanoSubsetAllowFloatingPoint=true
            return items.Length + (int)scale;
        }
    }
}
";

        [TestMethod]
        [TestCategory("Integration")]
        [Timeout(360_000, CooperativeCancellation = true)]
        public void DotnetBuildFailsOnAViolationAndPassesWithoutIt()
        {
            string directory = Path.Combine(Path.GetTempPath(), "nanosubset-probe-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            try
            {
                string project = Path.Combine(directory, "Probe.csproj");
                File.WriteAllText(project, ProjectFile());
                File.WriteAllText(Path.Combine(directory, "Canary.cs"), ImplicitUsingsCanary);
                string source = Path.Combine(directory, "Counter.cs");

                File.WriteAllText(source, Violations);
                DotnetCli.Result failing = Build(directory, project);
                Assert.AreNotEqual(0, failing.ExitCode, "the violating build must fail:\n" + failing.Output);
                StringAssert.Contains(failing.Output, "error NANO003", failing.Output);
                StringAssert.Contains(failing.Output, "error NANO018", failing.Output);
                StringAssert.Contains(failing.Output, "error RS0030", failing.Output);

                File.WriteAllText(source, NoViolation);
                DotnetCli.Result passing = Build(directory, project, "--no-restore", "-p:NanoSubsetAllowFloatingPoint=true");
                Assert.AreEqual(0, passing.ExitCode, "the clean build must pass:\n" + passing.Output);
            }
            finally
            {
                Directory.Delete(directory, recursive: true);
            }
        }

        private static DotnetCli.Result Build(string directory, string project, params string[] extra)
        {
            // The analyzer was built with this test project, in the same configuration: reuse it
            // instead of rebuilding it (other builds may be using it at the same time).
            string[] common =
            {
                "build", project, "-c", Configuration, "-nodeReuse:false", "-m:1",
                "-p:UseSharedCompilation=false", "-p:BuildProjectReferences=false",
            };
            string[] arguments = new string[common.Length + extra.Length];
            common.CopyTo(arguments, 0);
            extra.CopyTo(arguments, common.Length);
            return DotnetCli.Run(directory, BuildTimeout, arguments);
        }

        private static string ProjectFile()
        {
            string root = RepoPaths.Root;
            return $@"<Project>
  <!-- Use the repository's Directory.Build.props/targets as if this project lived in the repository. -->
  <PropertyGroup>
    <DirectoryBuildPropsPath>{Path.Combine(root, "Directory.Build.props")}</DirectoryBuildPropsPath>
    <DirectoryBuildTargetsPath>{Path.Combine(root, "Directory.Build.targets")}</DirectoryBuildTargetsPath>
  </PropertyGroup>
  <Import Project=""Sdk.props"" Sdk=""Microsoft.NET.Sdk"" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <NanoSubset>true</NanoSubset>
    <!-- The guard must switch this back off. -->
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <Import Project=""Sdk.targets"" Sdk=""Microsoft.NET.Sdk"" />
</Project>
";
        }
    }
}
