using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using NanoSnn.Cli.Experiments;

namespace NanoSnn.Tests.Learning
{
    [TestClass]
    public sealed class EpropAllocationTests
    {
        [TestMethod]
        [DataRow(false, EpropEligibility.Factorized, EpropTask.Regression, 1, DisplayName = "LIF factorized, every tick")]
        [DataRow(false, EpropEligibility.Exact, EpropTask.Classification, 10, DisplayName = "LIF exact classification, every 10 ticks")]
        [DataRow(true, EpropEligibility.Factorized, EpropTask.Classification, 0, DisplayName = "ALIF factorized classification, accumulate")]
        [DataRow(true, EpropEligibility.Exact, EpropTask.Regression, 1, DisplayName = "ALIF exact, every tick")]
        public void LearningTicks_AllocateNothing(bool adaptive, EpropEligibility mode, EpropTask task, int interval)
        {
            var p = new EpropParameters
            {
                Eligibility = mode, Task = task, UpdateIntervalTicks = interval, RateRegularizationQ16 = 19661,
                FeedbackScaleQ16 = 32768, LearningRateQ16 = 65536, LearningRateShift = 14,
            };
            const int ticks = 1500;
            var t = EpropTestNetwork.Build(adaptive, p, 3, ticks, 5);
            for (int k = 0; k < 300; k++) { t.SetTargets(k, null); t.Network.Step(t.Spikes[k], t.Spikes[k].Length); }
            t.Rule.ApplyAccumulated(t.Network);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 300; k < ticks; k++)
            {
                t.SetTargets(k, null);
                t.Network.Step(t.Spikes[k], t.Spikes[k].Length);
            }
            t.Rule.ApplyAccumulated(t.Network);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.AreEqual(0L, allocated, "bytes allocated by 1,200 learning ticks");
            Assert.IsTrue(t.Recurrent.TotalSpikes > 100, "the recurrent population barely spiked");
        }

        [TestMethod]
        public void ByteCounts_CoverEveryBuffer()
        {
            // 20 inputs, 40 recurrent, 3 readouts: 800 + 1600 (the diagonal is stored, never updated) + 120 synapses.
            var exactAlif = EpropTestNetwork.Build(true, new EpropParameters { Eligibility = EpropEligibility.Exact, UpdateIntervalTicks = 0 }, 3, 1, 1).Rule;
            var factorized = EpropTestNetwork.Build(false, new EpropParameters { Eligibility = EpropEligibility.Factorized, UpdateIntervalTicks = 1 }, 3, 1, 1).Rule;
            Assert.AreEqual(12, exactAlif.StateBytesPerSynapse);
            Assert.AreEqual(0, factorized.StateBytesPerSynapse);
            Assert.AreEqual(40 * 3 * 2, factorized.ParameterBytes, "random feedback matrix");
            int inSyn = 20 * 40, recSyn = 40 * 40, outSyn = 40 * 3;
            // per synapse: ē + ε on input and recurrent, accumulators on all three
            int perSynapse = (inSyn + recSyn) * 8 + (inSyn + recSyn + outSyn) * 4;
            Assert.IsTrue(exactAlif.StateBytes >= perSynapse, $"exact ALIF state {exactAlif.StateBytes} < per-synapse buffers {perSynapse}");
            Assert.IsTrue(exactAlif.StateBytes < perSynapse + 2000, "per-neuron buffers should be small");
            // Factorized, every tick: per-neuron buffers only, about 70 bytes per recurrent neuron (traces,
            // post factors, the prefix sums and buckets of the row sampling) against 2 x 2,520 bytes of weights.
            Assert.AreEqual(0, factorized.SynapseStateBytes);
            Assert.IsTrue(factorized.StateBytes < 80 * 40 + 8 * 20, $"factorized state {factorized.StateBytes} bytes should be per-neuron only");
        }
    }

    /// <summary>
    /// A reduced pattern-generation task (100 inputs, 50 LIF, 500-tick sequences) learned in
    /// fixed point. Criterion: the mean NMSE of the last 5 of 80 iterations is at most half the
    /// first iteration's. Justification: with η = 5e-3 the float reference of the full task drops
    /// from 1.4 to below 0.1 in 100 iterations, so halving in 80 iterations of a smaller network
    /// is a conservative bar that any working rule clears and that a sign error (loss grows), a
    /// dead learning signal or rounding that freezes sub-LSB updates (loss flat) fails. The
    /// control with learning off shows the criterion is not met by chance.
    /// </summary>
    [TestClass]
    public sealed class EpropLearningTests
    {
        private static EpropPatternConfig Reduced(EpropEligibility mode)
        {
            return new EpropPatternConfig
            {
                Inputs = 100, Recurrent = 50, SequenceTicks = 500, Iterations = 80, LearningRate = 5e-3,
                Eligibility = mode, RunFloat = false, Seed = 3,
            };
        }

        [TestMethod]
        [DataRow(EpropEligibility.Factorized)]
        [DataRow(EpropEligibility.Exact)]
        public void ReducedPatternTask_LossHalves(EpropEligibility mode)
        {
            EpropPatternResult r = new EpropPatternExperiment().Run(Reduced(mode), null);
            double first = r.NmseFixed[0];
            double last = 0;
            for (int k = r.NmseFixed.Length - 5; k < r.NmseFixed.Length; k++) last += r.NmseFixed[k] / 5;
            Console.WriteLine($"{mode}: NMSE {first:F3} -> {last:F3}");
            Assert.IsTrue(last <= 0.5 * first, $"NMSE went from {first:F3} to {last:F3}; expected at most half");
        }

        [TestMethod]
        public void ReducedPatternTask_WithoutLearning_DoesNotMeetTheCriterion()
        {
            EpropPatternConfig c = Reduced(EpropEligibility.Factorized);
            c.Iterations = 6;
            c.LearningEnabled = false;
            EpropPatternResult r = new EpropPatternExperiment().Run(c, null);
            double first = r.NmseFixed[0];
            double last = 0;
            for (int k = r.NmseFixed.Length - 5; k < r.NmseFixed.Length; k++) last += r.NmseFixed[k] / 5;
            Assert.IsFalse(last <= 0.5 * first, $"without learning NMSE went from {first:F3} to {last:F3}");
        }
    }
}
