using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Format
{
    [TestClass]
    public sealed class ModelFormatKindTests
    {
        /// <summary>
        /// A network with one population of every kind the core has: every network the core
        /// can build is storable, and a new kind added to <see cref="PopulationKind"/> without
        /// format support fails here.
        /// </summary>
        [TestMethod]
        public void EveryPopulationKind_IsStoredAndLoadsBitExact()
        {
            var b = new NetworkBuilder(1000, 1);
            var input = b.AddInput("in", 4);
            Population previous = input;
            foreach (PopulationKind kind in Enum.GetValues<PopulationKind>())
            {
                Population pop = kind switch
                {
                    PopulationKind.Input => null,
                    PopulationKind.Lif => b.AddLif("lif", 5, new LifParameters()),
                    PopulationKind.Alif => b.AddAlif("alif", 5, new LifParameters { TauAdaptationUs = 100000, AdaptationBetaQ16 = 1000 }),
                    PopulationKind.Readout => b.AddReadout("out", 2, 20000, 0),
                    PopulationKind.Izhikevich => b.AddIzhikevich("izh", 5, 13 << 16),
                    _ => throw new AssertFailedException("population kind " + kind + " has no case in this test"),
                };
                if (pop == null) continue;
                b.AddDense(previous.Name + "-" + pop.Name, previous, pop, 8).Fill(3000);
                if (pop.IsSpiking) previous = pop;
            }
            Network net = b.Build();
            int[] spikes = { 0, 2 };
            for (int t = 0; t < 40; t++) net.Step(spikes, t % 3 == 0 ? 2 : 0);
            byte[] file = FormatTestModel.Save(net, true);
            Network loaded = ModelReader.Load(file);
            Assert.AreEqual(net.Populations.Length, loaded.Populations.Length);
            for (int p = 0; p < net.Populations.Length; p++) Assert.AreEqual(net.Populations[p].Kind, loaded.Populations[p].Kind);
            Assert.AreEqual(net.ComputeStateHash(), loaded.ComputeStateHash());
            CollectionAssert.AreEqual(file, FormatTestModel.Save(loaded, true));
            for (int t = 0; t < 40; t++)
            {
                net.Step(spikes, t % 2 == 0 ? 2 : 0);
                loaded.Step(spikes, t % 2 == 0 ? 2 : 0);
                Assert.AreEqual(net.ComputeStateHash(), loaded.ComputeStateHash(), "tick " + net.Tick);
            }
        }
    }
}
