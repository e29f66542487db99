#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// The controller loop and the encoders it is built from, with small test doubles in place
    /// of pins or a simulated world.
    /// </summary>
    [TestClass]
    public class ControlTests
    {
        /// <summary>Sensors whose next samples the test sets; a read can be made to fail.</summary>
        private sealed class ScriptedSensors : ISensorInputs
        {
            public ScriptedSensors(int channels) { Next = new int[channels]; }
            public readonly int[] Next;
            public bool Fail;
            public int Reads;
            public int Channels { get { return Next.Length; } }
            public bool TryRead(int[] samples)
            {
                Reads++;
                if (Fail) return false;
                for (int c = 0; c < Next.Length; c++) samples[c] = Next[c];
                return true;
            }
        }

        /// <summary>Actuators that remember the last commands.</summary>
        private sealed class RecordingActuators : IActuatorOutputs
        {
            public RecordingActuators(int channels) { Last = new int[channels]; }
            public readonly int[] Last;
            public int Writes;
            public int Channels { get { return Last.Length; } }
            public void Write(int[] commandsPercent)
            {
                Writes++;
                for (int c = 0; c < Last.Length; c++) Last[c] = commandsPercent[c];
            }
        }


        /// <summary>Rewards sample 0's value and supervises with target = sample 1 (Q16 = sample·256).</summary>
        private sealed class EchoSignal : LearningSignal
        {
            public EchoSignal() : base(1) { Supervises = true; }
            public long LastTick = -1;
            public int LastPreviousCommand;
            public override void Evaluate(int[] samples, int[] previousCommandsPercent, long tick)
            {
                RewardQ16 = samples[0];
                TargetQ16[0] = samples[1] * 256;
                TargetValid = samples[1] != 0;
                TargetClass = 2;
                LastTick = tick;
                LastPreviousCommand = previousCommandsPercent[0];
            }
            public override void Reset() { LastTick = -1; }
        }

        /// <summary>A rule that records what reached it and when.</summary>
        private sealed class ProbeRule : Plasticity
        {
            public int RewardSum;
            public long RewardBeforeTick = -1;
            public int Target;
            public bool Valid;
            public int TargetClass;
            public int Updates;
            private Network _network;
            public ProbeRule(Network network) { _network = network; }
            public override void Reward(int rewardQ16) { RewardSum += rewardQ16; RewardBeforeTick = _network.Tick; }
            public override void Supervise(int[] targetQ16, int targetClass, bool valid) { Target = targetQ16[0]; TargetClass = targetClass; Valid = valid; }
            public override void Update(Network network) { Updates++; }
            public override void ResetState() { }
            public override int ParameterBytes { get { return 0; } }
            public override int StateBytes { get { return 0; } }
            public override uint HashState(uint hash) { return hash; }
        }

        private sealed class CountingObserver : IControllerObserver
        {
            public int Calls;
            public long LastTick;
            public void AfterTick(Controller controller) { Calls++; LastTick = controller.Network.Tick; }
        }

        /// <summary>2 channels → threshold crossing (4 inputs) → readout of 1 with tau 0 (a probe).</summary>
        private static Network ProbeNetwork(out ReadoutPopulation readout)
        {
            NetworkBuilder b = new NetworkBuilder(1000, 3);
            InputPopulation input = b.AddInput("in", 4);
            readout = b.AddReadout("out", 1, 0, 0);
            DenseProjection dense = b.AddDense("in-out", input, readout, 1);
            // Shift 1: input 0 (channel 0 rises) drives the readout to +0.5, input 2 (channel 1 rises) to −0.25.
            dense.Weights[0] = 16384;
            dense.Weights[2] = -8192;
            return b.Build();
        }

        [TestMethod]
        public void Controller_RunsEncodeStepDecodeActInOrder()
        {
            ReadoutPopulation readout;
            Network net = ProbeNetwork(out readout);
            ScriptedSensors sensors = new ScriptedSensors(2);
            RecordingActuators motors = new RecordingActuators(1);
            int[] thresholds = { 10, 10 };
            ThresholdCrossingEncoder encoder = new ThresholdCrossingEncoder(thresholds, 0);
            ReadoutCommandDecoder decoder = new ReadoutCommandDecoder(readout, 100 * FixedPoint.OneQ16);
            Controller c = new Controller(net, sensors, encoder, decoder, motors, null);
            CountingObserver observer = new CountingObserver();
            c.Observer = observer;

            c.Tick();
            Assert.AreEqual(0, c.SpikeCount);
            Assert.AreEqual(0, motors.Last[0]);

            sensors.Next[0] = 20; // channel 0 rises through 10: input 0 spikes, readout 0.5 → 50 %
            c.Tick();
            Assert.AreEqual(1, c.SpikeCount);
            Assert.AreEqual(0, c.Spikes[0]);
            Assert.AreEqual(50, c.Commands[0]);
            Assert.AreEqual(50, motors.Last[0]);

            sensors.Next[1] = 20; // channel 1 rises: input 2, readout −0.25 → −25 %
            c.Tick();
            Assert.AreEqual(1, c.SpikeCount);
            Assert.AreEqual(2, c.Spikes[0]);
            Assert.AreEqual(-25, motors.Last[0]);

            Assert.AreEqual(3, sensors.Reads);
            Assert.AreEqual(3, motors.Writes);
            Assert.AreEqual(3, observer.Calls);
            Assert.AreEqual(3L, observer.LastTick);
            Assert.AreEqual(3L, net.Tick);
        }

        [TestMethod]
        public void Controller_DeliversTheSignalBeforeTheStepAndOnlyWhileLearning()
        {
            ReadoutPopulation readout;
            Network net = ProbeNetwork(out readout);
            ProbeRule rule = new ProbeRule(net);
            net.Attach(rule);
            ScriptedSensors sensors = new ScriptedSensors(2);
            RecordingActuators motors = new RecordingActuators(1);
            int[] thresholds = { 1000, 1000 };
            EchoSignal signal = new EchoSignal();
            Controller c = new Controller(net, sensors, new ThresholdCrossingEncoder(thresholds, 0),
                new ReadoutCommandDecoder(readout, 100 * FixedPoint.OneQ16), motors, signal);

            sensors.Next[0] = 7;
            sensors.Next[1] = 3;
            c.Tick();
            Assert.AreEqual(0L, rule.RewardBeforeTick, "reward must arrive before step 0");
            Assert.AreEqual(7, rule.RewardSum);
            Assert.AreEqual(7, c.DeliveredRewardQ16);
            Assert.IsTrue(c.DeliveredSupervision);
            Assert.AreEqual(3 * 256, rule.Target);
            Assert.IsTrue(rule.Valid);
            Assert.AreEqual(2, rule.TargetClass);
            Assert.AreEqual(1, rule.Updates);
            Assert.AreEqual(0L, signal.LastTick);

            c.Learning = false;
            Assert.IsFalse(rule.Enabled);
            sensors.Next[0] = 5;
            c.Tick();
            Assert.AreEqual(7, rule.RewardSum, "no reward while learning is off");
            Assert.AreEqual(0, c.DeliveredRewardQ16);
            Assert.IsFalse(c.DeliveredSupervision);
            Assert.AreEqual(1, rule.Updates, "rules do not run while learning is off");
            Assert.AreEqual(1L, signal.LastTick, "the signal is still evaluated (for telemetry)");

            c.Learning = true;
            sensors.Next[0] = 0;
            c.Tick();
            Assert.AreEqual(0, c.DeliveredRewardQ16, "a zero reward is not delivered");
            Assert.AreEqual(7, rule.RewardSum);
            Assert.AreEqual(2, rule.Updates);
        }

        [TestMethod]
        public void Controller_KeepsThePreviousSamplesWhenAReadFails()
        {
            ReadoutPopulation readout;
            Network net = ProbeNetwork(out readout);
            ScriptedSensors sensors = new ScriptedSensors(2);
            RecordingActuators motors = new RecordingActuators(1);
            int[] thresholds = { 10, 10 };
            Controller c = new Controller(net, sensors, new ThresholdCrossingEncoder(thresholds, 0),
                new ReadoutCommandDecoder(readout, 100 * FixedPoint.OneQ16), motors, null);
            sensors.Next[0] = 42;
            c.Tick();
            sensors.Fail = true;
            sensors.Next[0] = 0;
            c.Tick();
            Assert.AreEqual(42, c.Samples[0]);
            Assert.AreEqual(1L, c.SensorFaults);
            Assert.AreEqual(0, c.SpikeCount, "held samples do not cross again");
        }

        [TestMethod]
        public void Controller_RejectsMismatchedWiring()
        {
            ReadoutPopulation readout;
            Network net = ProbeNetwork(out readout);
            int[] two = { 10, 10 };
            int[] three = { 10, 10, 10 };
            ReadoutCommandDecoder decoder = new ReadoutCommandDecoder(readout, FixedPoint.OneQ16);
            bool sensorMismatch = false, inputMismatch = false, actuatorMismatch = false;
            try { new Controller(net, new ScriptedSensors(3), new ThresholdCrossingEncoder(two, 0), decoder, new RecordingActuators(1), null); }
            catch (ModelException) { sensorMismatch = true; }
            try { new Controller(net, new ScriptedSensors(3), new ThresholdCrossingEncoder(three, 0), decoder, new RecordingActuators(1), null); }
            catch (ModelException) { inputMismatch = true; }
            try { new Controller(net, new ScriptedSensors(2), new ThresholdCrossingEncoder(two, 0), decoder, new RecordingActuators(2), null); }
            catch (ModelException) { actuatorMismatch = true; }
            Assert.IsTrue(sensorMismatch, "sensor channels vs encoder channels");
            Assert.IsTrue(inputMismatch, "encoder outputs vs network inputs");
            Assert.IsTrue(actuatorMismatch, "decoder commands vs actuator channels");
        }

        [TestMethod]
        public void RateEncoder_MapsTheRangeLinearlyAndReplaysAfterReset()
        {
            RateEncoder encoder = new RateEncoder(3, 100, 300, 32768, 9);
            Assert.AreEqual(0, encoder.ProbabilityQ16(50));
            Assert.AreEqual(0, encoder.ProbabilityQ16(100));
            Assert.AreEqual(16384, encoder.ProbabilityQ16(200));
            Assert.AreEqual(32768, encoder.ProbabilityQ16(300));
            Assert.AreEqual(32768, encoder.ProbabilityQ16(int.MaxValue));
            Assert.AreEqual(0, encoder.ProbabilityQ16(int.MinValue));

            int[] samples = { 0, 200, 1000 };
            int[] spikes = new int[3];
            int[] counts = new int[3];
            int[] first = new int[50];
            const int ticks = 8000;
            for (int t = 0; t < ticks; t++)
            {
                int n = encoder.Encode(samples, spikes, 0, 10);
                for (int k = 0; k < n; k++) counts[spikes[k] - 10]++;
                if (t < first.Length) first[t] = n;
            }
            Assert.AreEqual(0, counts[0]);
            // p 0.25: 2000 expected, sd 39; p 0.5: 4000, sd 45 (bounds about 5 sd).
            Assert.IsTrue(counts[1] > 1800 && counts[1] < 2200, "p 0.25 gave " + counts[1]);
            Assert.IsTrue(counts[2] > 3770 && counts[2] < 4230, "p 0.5 gave " + counts[2]);

            encoder.Reset();
            for (int t = 0; t < first.Length; t++) Assert.AreEqual(first[t], encoder.Encode(samples, spikes, 0, 10), "tick " + t);
        }

        [TestMethod]
        public void PulseCountEncoder_TellsBurstsOverLaterTicksAndCapsTheBacklog()
        {
            PulseCountEncoder encoder = new PulseCountEncoder(2, 3);
            int[] samples = { 2, 5 };
            int[] spikes = new int[2];
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(2L, encoder.DroppedEdges, "5 edges into a backlog of 3 drop 2");
            samples[0] = 0;
            samples[1] = -4; // a counter glitch is no edge
            Assert.AreEqual(2, encoder.Encode(samples, spikes, 0, 0)); // channel 0: 1 left; channel 1: 2 left
            Assert.AreEqual(1, encoder.Encode(samples, spikes, 0, 0));
            Assert.AreEqual(1, spikes[0]);
            Assert.AreEqual(0, encoder.Encode(samples, spikes, 0, 0));
            encoder.Reset();
            Assert.AreEqual(0L, encoder.DroppedEdges);
        }

        [TestMethod]
        public void EncoderBank_SlicesSamplesAndOffsetsOutputs()
        {
            int[] deltas = { 10 };
            int[] thresholds = { 0, 0 };
            SpikeEncoder[] parts = { new SendOnDeltaEncoder(deltas), new ThresholdCrossingEncoder(thresholds, 0), new PulseCountEncoder(1, 4) };
            EncoderBank bank = new EncoderBank(parts);
            Assert.AreEqual(4, bank.Channels);
            Assert.AreEqual(2 + 4 + 1, bank.Outputs);
            int[] samples = { 0, -5, -5, 0 };
            int[] spikes = new int[7];
            Assert.AreEqual(0, bank.Encode(samples, spikes, 0, 0)); // primes send-on-delta
            samples[0] = 10; // delta up → output 0
            samples[2] = 5;  // threshold channel 1 rises → output 2 + 2 = 4
            samples[3] = 1;  // one edge → output 6
            int n = bank.Encode(samples, spikes, 0, 100);
            Assert.AreEqual(3, n);
            Assert.AreEqual(100, spikes[0]);
            Assert.AreEqual(104, spikes[1]);
            Assert.AreEqual(106, spikes[2]);
        }
    }
}
