namespace NanoSnn
{
    /// <summary>
    /// The plasticity section of model format v2 (see <see cref="ModelFormat"/>): a rule's
    /// kind, whether it is enabled, the populations and projections it binds to and its
    /// parameters, listed once per kind for measuring, writing and reading. The rule's state
    /// (traces, eligibilities, counters) is listed by the rule itself, in its
    /// <see cref="Plasticity.TransferState"/>.
    /// </summary>
    internal static class PlasticityFormat
    {
        /// <summary>Stored kinds.</summary>
        public const int KindEprop = 1, KindRewardStdp = 2, KindSynapticScaling = 3, KindIntrinsicHomeostasis = 4;

        /// <summary>A projection index that means "none".</summary>
        public const int None = 255;

        /// <summary>The stored kind of <paramref name="rule"/>, or 0 if the format cannot store it.</summary>
        public static int KindOf(Plasticity rule)
        {
            if (rule is EpropRule) return KindEprop;
            if (rule is RewardStdp) return KindRewardStdp;
            if (rule is SynapticScaling) return KindSynapticScaling;
            if (rule is IntrinsicHomeostasis) return KindIntrinsicHomeostasis;
            return 0;
        }

        /// <summary>The name of a stored kind.</summary>
        public static string KindName(int kind)
        {
            switch (kind)
            {
                case KindEprop: return "e-prop";
                case KindRewardStdp: return "reward STDP";
                case KindSynapticScaling: return "synaptic scaling";
                case KindIntrinsicHomeostasis: return "intrinsic homeostasis";
                default: return "kind " + kind;
            }
        }

        /// <summary>Measures or writes the section payload of <paramref name="rule"/>, attached to <paramref name="network"/>.</summary>
        /// <exception cref="ModelException">The rule is of a kind the format cannot store, or refers to populations or projections of another network.</exception>
        public static void Write(FormatCursor c, Network network, Plasticity rule)
        {
            if (KindOf(rule) == 0)
                throw new ModelException("rule " + IndexOf(network, rule) + " is not one the model format stores (e-prop, reward STDP, synaptic scaling, intrinsic homeostasis)");
            Transfer(c, network, rule);
        }

        /// <summary>Reads a section payload and builds the rule for <paramref name="network"/> (not attached yet).</summary>
        public static Plasticity Read(FormatCursor c, Network network)
        {
            return Transfer(c, network, null);
        }

        // Writing: `rule` is the rule and the returned value is ignored. Reading: `rule` is null,
        // every value comes from the cursor and the rule is built from them.
        private static Plasticity Transfer(FormatCursor c, Network net, Plasticity rule)
        {
            int kind = c.UInt8(KindOf(rule), KindEprop, KindIntrinsicHomeostasis, "kind");
            bool enabled = c.Bool(rule == null || rule.Enabled, "enabled");
            c.UInt16(0, 0, 0, "reserved");
            Plasticity result;
            if (kind == KindEprop) result = Eprop(c, net, rule as EpropRule);
            else if (kind == KindRewardStdp) result = RewardStdp(c, net, rule as RewardStdp);
            else if (kind == KindSynapticScaling) result = Scaling(c, net, rule as SynapticScaling);
            else result = Homeostasis(c, net, rule as IntrinsicHomeostasis);
            if (c.Reading) result.Enabled = enabled;
            return result;
        }

        // e-prop: u8 recurrent population, u8 readout population, u8 input projection (255 none),
        // u8 recurrent projection (255 none), u8 output projection, u8 eligibility, u8 feedback,
        // u8 task, u8 learn flags (bit 0 input, 1 recurrent, 2 output), then 12 x 32-bit parameters.
        private static Plasticity Eprop(FormatCursor c, Network net, EpropRule rule)
        {
            bool w = rule != null;
            int recurrentAt = c.Position;
            Population recurrent = PopulationRef(c, net, w ? rule.Recurrent : null, "recurrent population");
            int readoutAt = c.Position;
            Population readout = PopulationRef(c, net, w ? rule.Readout : null, "readout population");
            int inputAt = c.Position;
            Projection input = ProjectionRef(c, net, w ? rule.Input : null, true, "input projection");
            int recurrentProjectionAt = c.Position;
            Projection recurrentProjection = ProjectionRef(c, net, w ? rule.RecurrentProjection : null, true, "recurrent projection");
            int outputAt = c.Position;
            Projection output = ProjectionRef(c, net, w ? rule.Output : null, false, "output projection");

            EpropParameters p = w ? rule.Parameters : new EpropParameters();
            int parametersAt = c.Position;
            p.Eligibility = (EpropEligibility)c.UInt8((int)p.Eligibility, 0, 1, "eligibility");
            p.Feedback = (EpropFeedback)c.UInt8((int)p.Feedback, 0, 1, "feedback");
            p.Task = (EpropTask)c.UInt8((int)p.Task, 0, 1, "task");
            int learn = c.UInt8((p.LearnInput ? 1 : 0) | (p.LearnRecurrent ? 2 : 0) | (p.LearnOutput ? 4 : 0), 0, 7, "learn flags");
            p.LearnInput = (learn & 1) != 0;
            p.LearnRecurrent = (learn & 2) != 0;
            p.LearnOutput = (learn & 4) != 0;
            p.GammaQ16 = c.Int32(p.GammaQ16, 1, FixedPoint.OneQ16, "gamma");
            p.LearningRateQ16 = c.Int32(p.LearningRateQ16, 1, FixedPoint.OneQ16, "learning rate");
            p.LearningRateShift = c.Int32(p.LearningRateShift, 0, 24, "learning rate shift");
            p.OutputLearningRateQ16 = c.Int32(p.OutputLearningRateQ16, 1, FixedPoint.OneQ16, "output learning rate");
            p.OutputLearningRateShift = c.Int32(p.OutputLearningRateShift, 0, 24, "output learning rate shift");
            p.UpdateIntervalTicks = c.Int32(p.UpdateIntervalTicks, 0, int.MaxValue, "update interval");
            p.RateRegularizationQ16 = c.Int32(p.RateRegularizationQ16, 0, int.MaxValue, "rate regularization");
            p.RateTargetQ16 = c.Int32(p.RateTargetQ16, 0, FixedPoint.OneQ16, "rate target");
            p.RateTauUs = c.Int32(p.RateTauUs, 1, int.MaxValue, "rate tau");
            p.FeedbackScaleQ16 = c.Int32(p.FeedbackScaleQ16, 0, 8 * FixedPoint.OneQ16, "feedback scale");
            p.FeedbackWeightShift = c.Int32(p.FeedbackWeightShift, 0, 15, "feedback weight shift");
            p.FeedbackSeed = c.UInt32(p.FeedbackSeed, "feedback seed");
            if (w) return rule;

            LifPopulation lif = recurrent as LifPopulation;
            if (lif == null) throw c.Fail("recurrent population", recurrentAt, "'" + recurrent.Name + "' is not a LIF or ALIF population");
            ReadoutPopulation readoutPopulation = readout as ReadoutPopulation;
            if (readoutPopulation == null) throw c.Fail("readout population", readoutAt, "'" + readout.Name + "' is not a readout population");
            DenseProjection denseInput = Dense(c, input, inputAt, "input projection");
            DenseProjection denseRecurrent = Dense(c, recurrentProjection, recurrentProjectionAt, "recurrent projection");
            DenseProjection denseOutput = Dense(c, output, outputAt, "output projection");
            try
            {
                return new EpropRule(net, lif, readoutPopulation, denseInput, denseRecurrent, denseOutput, p);
            }
            catch (ModelException e)
            {
                throw c.Fail("parameters", parametersAt, e.Message);
            }
        }

        // reward STDP: u8 projection, then 12 x i32: trace on spike Q16, trace decay Factor16,
        // depression gain Q16, update ticks, eligibility decay Factor16, dopamine decay Factor16,
        // tonic Q16, weight min, weight max, modulation sign, baseline shift, max lag windows.
        // The max lag is the rule's own (1..255, never "0 = default"): it sizes the rule's state,
        // so a file must not depend on how a later build would choose the default.
        private static Plasticity RewardStdp(FormatCursor c, Network net, RewardStdp rule)
        {
            bool w = rule != null;
            int at = c.Position;
            Projection projection = ProjectionRef(c, net, w ? rule.Projection : null, false, "projection");
            RewardStdpParameters p = w ? rule.Parameters : new RewardStdpParameters();
            p.TraceOnSpikeQ16 = c.Int32(p.TraceOnSpikeQ16, 0, FixedPoint.OneQ16, "trace on spike");
            p.TraceDecayFactor16 = c.Int32(p.TraceDecayFactor16, 0, 65536, "trace decay");
            p.DepressionGainQ16 = c.Int32(p.DepressionGainQ16, 0, 16 * FixedPoint.OneQ16, "depression gain");
            p.UpdateTicks = c.Int32(p.UpdateTicks, 1, int.MaxValue, "update ticks");
            p.EligibilityDecayFactor16 = c.Int32(p.EligibilityDecayFactor16, 0, 65536, "eligibility decay");
            p.DopamineDecayFactor16 = c.Int32(p.DopamineDecayFactor16, 0, 65536, "dopamine decay");
            p.TonicQ16 = c.Int32(p.TonicQ16, -FixedPoint.OneQ16, FixedPoint.OneQ16, "tonic dopamine");
            p.WeightMin = c.Int32(p.WeightMin, short.MinValue, short.MaxValue, "weight min");
            p.WeightMax = c.Int32(p.WeightMax, short.MinValue, short.MaxValue, "weight max");
            p.ModulationSign = c.Int32(p.ModulationSign, -1, 1, "modulation sign");
            p.BaselineShift = c.Int32(p.BaselineShift, 0, 16, "baseline shift");
            int maxLag = c.Int32(w ? rule.MaxLag : 0, 1, NanoSnn.RewardStdp.MaxLagLimit, "max lag windows");
            if (w) return rule;
            p.MaxLagWindows = maxLag;
            try
            {
                return new RewardStdp(projection, p);
            }
            catch (ModelException e)
            {
                throw c.Fail("projection", at, e.Message);
            }
        }

        // synaptic scaling: u8 projection, i32 target rate Q24, i32 rate shift, i32 epoch ticks,
        // i32 gain Q16, i32 max step Q16.
        private static Plasticity Scaling(FormatCursor c, Network net, SynapticScaling rule)
        {
            bool w = rule != null;
            int at = c.Position;
            Projection projection = ProjectionRef(c, net, w ? rule.Projection : null, false, "projection");
            int target = c.Int32(w ? rule.TargetRatePerTickQ24 : 0, 1, 1 << 24, "target rate");
            int shift = c.Int32(w ? rule.RateShift : 0, 1, 20, "rate shift");
            int epoch = c.Int32(w ? rule.EpochTicks : 0, 1, int.MaxValue, "epoch ticks");
            int gain = c.Int32(w ? rule.GainQ16 : 0, 0, FixedPoint.OneQ16, "gain");
            int maxStep = c.Int32(w ? rule.MaxStepQ16 : 0, 0, FixedPoint.OneQ16 / 2, "max step");
            if (w) return rule;
            try
            {
                return new SynapticScaling(projection, target, shift, epoch, gain, maxStep);
            }
            catch (ModelException e)
            {
                throw c.Fail("projection", at, e.Message);
            }
        }

        // intrinsic homeostasis: u8 population, i32 step Q16, i32 max Q16, i32 decay interval
        // ticks, i32 decay shift, i32 current gain Q16.
        private static Plasticity Homeostasis(FormatCursor c, Network net, IntrinsicHomeostasis rule)
        {
            bool w = rule != null;
            int at = c.Position;
            Population target = PopulationRef(c, net, w ? rule.Target : null, "population");
            int step = c.Int32(w ? rule.StepQ16 : 0, 0, 1 << 28, "step");
            int max = c.Int32(w ? rule.MaxQ16 : 0, 0, 1 << 28, "max");
            int interval = c.Int32(w ? rule.DecayIntervalTicks : 0, 1, int.MaxValue, "decay interval");
            int shift = c.Int32(w ? rule.DecayShift : 0, 1, 30, "decay shift");
            int gain = c.Int32(w ? rule.CurrentGainQ16 : 0, 0, FixedPoint.OneQ16, "current gain");
            if (w) return rule;
            try
            {
                return new IntrinsicHomeostasis(target, step, max, interval, shift, gain);
            }
            catch (ModelException e)
            {
                throw c.Fail("population", at, e.Message);
            }
        }

        private static Population PopulationRef(FormatCursor c, Network net, Population pop, string field)
        {
            Population[] pops = net.Populations;
            if (!c.Reading && (pop == null || pop.Index >= pops.Length || pops[pop.Index] != pop))
                throw new ModelException("rule " + field + " is not a population of the network being written");
            int i = c.UInt8(c.Reading ? 0 : pop.Index, 0, pops.Length - 1, field);
            return pops[i];
        }

        private static Projection ProjectionRef(FormatCursor c, Network net, Projection proj, bool optional, string field)
        {
            Projection[] projs = net.Projections;
            if (!c.Reading && proj != null && (proj.Index >= projs.Length || projs[proj.Index] != proj))
                throw new ModelException("rule " + field + " '" + proj.Name + "' is not a projection of the network being written");
            int at = c.Position;
            int i = c.UInt8(proj == null ? None : proj.Index, 0, None, field);
            if (i == None && optional) return null;
            if (i >= projs.Length)
                throw c.Fail(field, at, i + " is not a projection index (0.." + (projs.Length - 1) + (optional ? ", or 255 for none)" : ")"));
            return projs[i];
        }

        private static DenseProjection Dense(FormatCursor c, Projection proj, int at, string field)
        {
            if (proj == null) return null;
            DenseProjection dense = proj as DenseProjection;
            if (dense == null) throw c.Fail(field, at, "'" + proj.Name + "' is not a dense projection; e-prop needs dense ones");
            return dense;
        }

        private static int IndexOf(Network network, Plasticity rule)
        {
            Plasticity[] rules = network.Rules;
            for (int r = 0; r < rules.Length; r++) if (rules[r] == rule) return r;
            return -1;
        }
    }
}
