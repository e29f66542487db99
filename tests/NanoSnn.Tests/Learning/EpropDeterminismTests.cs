using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace NanoSnn.Tests.Learning
{
    [TestClass]
    public sealed class EpropDeterminismTests
    {
        private static uint Run(bool adaptive, EpropEligibility mode, bool enabled, int ticks)
        {
            var p = new EpropParameters
            {
                Eligibility = mode, UpdateIntervalTicks = 7, RateRegularizationQ16 = 19661,
                FeedbackScaleQ16 = 32768, LearningRateQ16 = 65536, LearningRateShift = 11,
            };
            var t = EpropTestNetwork.Build(adaptive, p, 2, ticks, 9);
            t.Rule.Enabled = enabled;
            for (int k = 0; k < ticks; k++)
            {
                t.SetTargets(k, null);
                t.Network.Step(t.Spikes[k], t.Spikes[k].Length);
            }
            return t.Network.ComputeStateHash();
        }

        [TestMethod]
        [DataRow(false, EpropEligibility.Factorized)]
        [DataRow(true, EpropEligibility.Exact)]
        public void SameSeedSameInputs_SameStateHash_AndLearningChangesIt(bool adaptive, EpropEligibility mode)
        {
            uint a = Run(adaptive, mode, true, 250);
            uint b = Run(adaptive, mode, true, 250);
            uint off = Run(adaptive, mode, false, 250);
            Assert.AreEqual(a, b, "two identical learning runs must end in the same state");
            Assert.AreNotEqual(a, off, "learning must change the state hash");
        }

        [TestMethod]
        public void ResetState_ClearsTracesButKeepsWeights()
        {
            var p = new EpropParameters { Eligibility = EpropEligibility.Exact, UpdateIntervalTicks = 0, LearningRateShift = 11, FeedbackScaleQ16 = 32768 };
            var t = EpropTestNetwork.Build(true, p, 2, 100, 4);
            uint fresh = t.Rule.HashState(0);
            for (int k = 0; k < 100; k++) { t.SetTargets(k, null); t.Network.Step(t.Spikes[k], t.Spikes[k].Length); }
            Assert.AreNotEqual(fresh, t.Rule.HashState(0));
            t.Rule.ApplyAccumulated(t.Network);
            short[] weights = (short[])t.Rule.Input.Weights.Clone();
            t.Rule.ResetState();
            Assert.AreEqual(fresh, t.Rule.HashState(0), "ResetState must return every trace to its initial value");
            CollectionAssert.AreEqual(weights, t.Rule.Input.Weights);
        }

        [TestMethod]
        public void BadParameters_AreRejectedWithTheFieldName()
        {
            var t = EpropTestNetwork.Build(false, new EpropParameters(), 2, 1, 1);
            var bad = new EpropParameters { GammaQ16 = 0 };
            var e = Assert.ThrowsExactly<ModelException>(() => new EpropRule(t.Network, t.Recurrent, t.Readout, t.Rule.Input, t.Rule.RecurrentProjection, t.Rule.Output, bad));
            StringAssert.Contains(e.Message, "GammaQ16");
            var wrong = Assert.ThrowsExactly<ModelException>(() => new EpropRule(t.Network, t.Recurrent, t.Readout, t.Rule.RecurrentProjection, null, t.Rule.Output, new EpropParameters()));
            StringAssert.Contains(wrong.Message, "input projection");
        }
    }
}
