#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif

namespace NanoSnn.PortableTests
{
    /// <summary>
    /// The hardware-independent board bases with small test doubles in place of pins: the
    /// firmware subclasses only read and write pins, so every decision is tested here.
    /// </summary>
    [TestClass]
    public class BoardTests
    {
        /// <summary>A button whose pin level the test sets.</summary>
        private sealed class TestButton : ButtonBase
        {
            public TestButton(bool activeLow, int debounceUs, int longPressUs) : base(activeLow, debounceUs, longPressUs) { }
            public bool LevelHigh;
            public int Reads;
            protected override bool ReadLevelHigh() { Reads++; return LevelHigh; }
        }

        /// <summary>A bridge that records the last duties.</summary>
        private sealed class TestMotor : MotorDriverBase
        {
            public TestMotor(int deadband, int minDuty, int slew) : base(deadband, minDuty, slew) { }
            public int A = -1;
            public int B = -1;
            public int BridgeWrites;
            protected override void WriteBridge(int inputAPer10k, int inputBPer10k) { A = inputAPer10k; B = inputBPer10k; BridgeWrites++; }
        }

        /// <summary>An output that records the pin level.</summary>
        private sealed class TestOutput : DigitalOutputBase
        {
            public TestOutput(bool activeLow) : base(activeLow) { }
            public bool High;
            public int PinWrites;
            protected override void WriteLevel(bool high) { High = high; PinWrites++; }
        }

        /// <summary>An ADC whose next reading the test sets.</summary>
        private sealed class TestAnalog : AnalogInputBase
        {
            public TestAnalog(int maxCounts) : base(maxCounts) { }
            public int Counts;
            public bool Fail;
            protected override bool TryReadCounts(out int counts) { counts = Counts; return !Fail; }
        }

        /// <summary>A hardware counter whose count the test sets.</summary>
        private sealed class TestCounter : PulseCounterBase
        {
            public TestCounter(int bits) : base(bits) { }
            public long Count;
            public bool Fail;
            protected override bool TryReadCount(out long count) { count = Count; return !Fail; }
        }

        private const bool ActiveLow = true;

        [TestMethod]
        public void Button_DebouncesAndReportsPressClickAndRelease()
        {
            TestButton b = new TestButton(ActiveLow, 20000, 1000000);
            b.LevelHigh = true; // released (pull-up)
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(0));
            b.LevelHigh = false; // pressed, bouncing
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(1000));
            b.LevelHigh = true;
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(2000));
            b.LevelHigh = false;
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(3000));
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(22000), "19 ms stable is not yet 20 ms");
            Assert.AreEqual((int)ButtonEvents.Pressed, (int)b.Update(23000));
            Assert.IsTrue(b.IsPressed);
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(24000), "a press is reported once");
            b.LevelHigh = true;
            b.Update(100000);
            ButtonEvents released = b.Update(120000);
            Assert.AreEqual((int)(ButtonEvents.Released | ButtonEvents.Clicked), (int)released);
            Assert.IsFalse(b.IsPressed);
            Assert.AreEqual(1L, b.Presses);
            Assert.AreEqual(1L, b.Clicks);
            Assert.AreEqual(0L, b.LongPresses);
        }

        [TestMethod]
        public void Button_LongPressFiresOnceWhileHeldAndIsNoClick()
        {
            TestButton b = new TestButton(ActiveLow, 10000, 500000);
            b.LevelHigh = true;
            b.Update(0);
            b.LevelHigh = false;
            b.Update(100000);
            Assert.AreEqual((int)ButtonEvents.Pressed, (int)b.Update(110000));
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(590000), "490 ms after the edge");
            Assert.AreEqual((int)ButtonEvents.LongPressed, (int)b.Update(600000), "500 ms after the edge, not after the debounce");
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(2000000), "held on: no second long press");
            b.LevelHigh = true;
            b.Update(2100000);
            Assert.AreEqual((int)ButtonEvents.Released, (int)b.Update(2110000), "a long press is not also a click");
            Assert.AreEqual(1L, b.LongPresses);
            Assert.AreEqual(0L, b.Clicks);
        }

        [TestMethod]
        public void Button_HeldAtBootIsIgnoredUntilReleased()
        {
            TestButton b = new TestButton(ActiveLow, 0, 100000);
            b.LevelHigh = false; // already down at the first poll: stuck, or held through reset
            b.Update(0);
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(5000000), "no long press from a button held at boot");
            b.LevelHigh = true;
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(5000001), "its release is no click");
            b.LevelHigh = false;
            Assert.AreEqual((int)ButtonEvents.Pressed, (int)b.Update(5000002), "the next press counts");
        }

        [TestMethod]
        public void Button_ActiveHighAndReset()
        {
            TestButton b = new TestButton(false, 0, 1000);
            b.LevelHigh = false;
            b.Update(0);
            b.LevelHigh = true;
            Assert.AreEqual((int)ButtonEvents.Pressed, (int)b.Update(1));
            b.Reset();
            Assert.AreEqual(0L, b.Presses);
            Assert.AreEqual((int)ButtonEvents.None, (int)b.Update(2), "after a reset the first poll primes");
        }

        [TestMethod]
        public void Button_RejectsALongPressShorterThanTheDebounce()
        {
            bool threw = false;
            try { new TestButton(true, 5000, 5000); }
            catch (System.ArgumentException) { threw = true; }
            Assert.IsTrue(threw);
        }

        [TestMethod]
        public void Motor_StartsDisabledAndIgnoresCommandsUntilEnabled()
        {
            TestMotor m = new TestMotor(0, 0, 20000);
            m.Drive(80);
            Assert.AreEqual(0, m.A);
            Assert.AreEqual(0, m.B);
            Assert.AreEqual(80, m.CommandPercent);
            Assert.AreEqual(0, m.OutputPer10k);
            m.Enable();
            m.Drive(80);
            Assert.AreEqual(8000, m.A);
            Assert.AreEqual(0, m.B);
            m.Drive(-30);
            Assert.AreEqual(0, m.A);
            Assert.AreEqual(3000, m.B);
        }

        [TestMethod]
        public void Motor_DeadbandLimitAndMinimumDuty()
        {
            TestMotor m = new TestMotor(5, 20, 20000);
            m.Enable();
            m.Drive(4);
            Assert.AreEqual(0, m.CommandPercent, "below the deadband");
            Assert.AreEqual(0, m.A);
            m.Drive(-4);
            Assert.AreEqual(0, m.B);
            m.Drive(5);
            // 20 % + 5 % of the remaining 80 % = 24 %
            Assert.AreEqual(2400, m.A);
            m.Drive(100);
            Assert.AreEqual(10000, m.A);
            m.SetLimit(50);
            m.Drive(100);
            Assert.AreEqual(50, m.CommandPercent);
            Assert.AreEqual(2000 + 4000, m.A, "50 % output maps to 20 % + 0.5 · 80 %");
            m.Drive(-250);
            Assert.AreEqual(-50, m.CommandPercent);
            Assert.AreEqual(6000, m.B);
        }

        [TestMethod]
        public void Motor_SlewLimitRampsAndReversesThroughZero()
        {
            TestMotor m = new TestMotor(0, 0, 2500); // 25 % per tick
            m.Enable();
            m.Drive(100);
            Assert.AreEqual(2500, m.OutputPer10k);
            m.Drive(100);
            m.Drive(100);
            m.Drive(100);
            Assert.AreEqual(10000, m.OutputPer10k);
            m.Drive(100);
            Assert.AreEqual(10000, m.OutputPer10k);
            int previous = m.OutputPer10k;
            bool passedZero = false;
            for (int t = 0; t < 8; t++)
            {
                m.Drive(-100);
                int step = previous - m.OutputPer10k;
                Assert.IsTrue(step <= 2500, "a reversal ramps at the slew limit, step " + step);
                if (m.OutputPer10k == 0) passedZero = true;
                previous = m.OutputPer10k;
            }
            Assert.IsTrue(passedZero);
            Assert.AreEqual(-10000, m.OutputPer10k);
            Assert.AreEqual(0, m.A);
            Assert.AreEqual(10000, m.B);
        }

        [TestMethod]
        public void Motor_BrakeDisableAndWritesOnlyOnChange()
        {
            TestMotor m = new TestMotor(0, 0, 20000);
            m.Enable();
            m.Drive(50);
            int writes = m.BridgeWrites;
            m.Drive(50);
            m.Drive(50);
            Assert.AreEqual(writes, m.BridgeWrites, "the same duty is not written again");
            m.Brake();
            Assert.AreEqual(10000, m.A);
            Assert.AreEqual(10000, m.B);
            m.Drive(50);
            Assert.AreEqual(10000, m.A, "braking ignores commands");
            Assert.AreEqual((int)MotorState.Braking, (int)m.State);
            m.Disable();
            Assert.AreEqual(0, m.A);
            Assert.AreEqual(0, m.B);
            m.Enable();
            Assert.AreEqual(0, m.OutputPer10k, "enabling starts from standstill");
        }

        [TestMethod]
        public void DigitalOutput_PolarityBlinkAndWritesOnlyOnChange()
        {
            TestOutput o = new TestOutput(true);
            o.Set(false);
            Assert.IsTrue(o.High, "active low: off is a high pin");
            o.Set(true);
            Assert.IsFalse(o.High);
            o.Set(true);
            Assert.AreEqual(2, o.PinWrites);
            o.Toggle();
            Assert.IsFalse(o.IsOn);
            TestOutput led = new TestOutput(false);
            led.Blink(0, 1000, 250);
            Assert.IsTrue(led.IsOn);
            led.Blink(249, 1000, 250);
            Assert.IsTrue(led.IsOn);
            led.Blink(250, 1000, 250);
            Assert.IsFalse(led.IsOn);
            led.Blink(1100, 1000, 250);
            Assert.IsTrue(led.IsOn);
            led.Blink(1100, 0, 250);
            Assert.IsFalse(led.IsOn, "period 0 is off");
        }

        [TestMethod]
        public void Analog_CalibratesCountsToUnitsWithRoundingAndSaturation()
        {
            TestAnalog a = new TestAnalog(4095);
            int v;
            a.Counts = 1234;
            Assert.IsTrue(a.TryRead(out v));
            Assert.AreEqual(1234, v, "identity by default");

            a.Calibrate(0, -1000, 4096, 1000); // the reference network's ±1000 sensor units
            Assert.AreEqual(32000, a.GainQ16);
            a.Counts = 0;
            a.TryRead(out v);
            Assert.AreEqual(-1000, v);
            a.Counts = 2048;
            a.TryRead(out v);
            Assert.AreEqual(0, v);
            a.Counts = 4095;
            a.TryRead(out v);
            Assert.AreEqual(1000, v, "999.51 rounds to 1000");
            a.Counts = 1;
            a.TryRead(out v);
            Assert.AreEqual(-1000, v, "-999.51 rounds half up to -1000");

            a.Calibrate(500, 300, 3500, 0); // falling characteristic (an IR distance sensor)
            a.Counts = 500;
            a.TryRead(out v);
            Assert.AreEqual(300, v);
            a.Counts = 3500;
            a.TryRead(out v);
            Assert.AreEqual(0, v);
            a.Counts = 2000;
            a.TryRead(out v);
            Assert.AreEqual(150, v);

            a.GainQ16 = int.MaxValue;
            a.OffsetCounts = 0;
            a.OffsetUnits = int.MaxValue;
            a.Counts = 4095;
            a.TryRead(out v);
            Assert.AreEqual(int.MaxValue, v, "saturates instead of wrapping");
        }

        [TestMethod]
        public void Analog_OutOfRangeAndFailedReadsAreFaults()
        {
            TestAnalog a = new TestAnalog(4095);
            int v;
            a.Counts = 4096;
            Assert.IsFalse(a.TryRead(out v));
            a.Counts = -1;
            Assert.IsFalse(a.TryRead(out v));
            a.Counts = 10;
            a.Fail = true;
            Assert.IsFalse(a.TryRead(out v));
            bool threw = false;
            try { a.Calibrate(100, 0, 100, 5); }
            catch (System.ArgumentException) { threw = true; }
            Assert.IsTrue(threw, "two points with the same counts");
        }

        [TestMethod]
        public void PulseCounter_DeltaIsWrapSafeAndSigned()
        {
            TestCounter c = new TestCounter(16);
            int v;
            c.Count = 65530;
            Assert.IsTrue(c.TryRead(out v));
            Assert.AreEqual(0, v, "the first read primes");
            c.Count = 4; // wrapped: 65530 → 65535 → 0 → 4 is 10 edges
            c.TryRead(out v);
            Assert.AreEqual(10, v);
            c.Count = 65534; // ran backwards by 6 (quadrature)
            c.TryRead(out v);
            Assert.AreEqual(-6, v);
            Assert.AreEqual(4L, c.TotalEdges);

            TestCounter wide = new TestCounter(64);
            wide.Count = long.MaxValue - 1;
            wide.TryRead(out v);
            wide.Count = long.MinValue + 2; // 64-bit wrap
            wide.TryRead(out v);
            Assert.AreEqual(4, v);
            wide.Count += 5000000000L;
            wide.TryRead(out v);
            Assert.AreEqual(int.MaxValue, v, "a delta beyond int saturates");

            c.Fail = true;
            Assert.IsFalse(c.TryRead(out v));
            Assert.AreEqual(0, v);
            c.Fail = false;
            c.Count = 65534 + 3;
            c.TryRead(out v);
            Assert.AreEqual(3, v, "edges during a failed read are told by the next good one");
            c.Reset();
            c.TryRead(out v);
            Assert.AreEqual(0, v, "a reset primes again");
        }

        [TestMethod]
        public void SensorBank_HoldsLevelsAndZeroesCountsOnAFault()
        {
            TestAnalog a = new TestAnalog(4095);
            TestCounter c = new TestCounter(32);
            SensorChannel[] channels = { a, c };
            SensorBank bank = new SensorBank(channels);
            Assert.AreEqual(2, bank.Channels);
            int[] samples = new int[2];
            a.Counts = 100;
            c.Count = 7;
            Assert.IsTrue(bank.TryRead(samples));
            c.Count = 12;
            a.Counts = 200;
            Assert.IsTrue(bank.TryRead(samples));
            Assert.AreEqual(200, samples[0]);
            Assert.AreEqual(5, samples[1]);
            a.Fail = true;
            c.Fail = true;
            a.Counts = 300;
            Assert.IsFalse(bank.TryRead(samples));
            Assert.AreEqual(200, samples[0], "a level is held");
            Assert.AreEqual(0, samples[1], "a count is not repeated");
            Assert.AreEqual(1L, bank.ChannelFaults[0]);
            Assert.AreEqual(1L, bank.ChannelFaults[1]);
            a.Fail = false;
            Assert.IsFalse(bank.TryRead(samples), "one failed channel fails the read");
            Assert.AreEqual(300, samples[0], "the good channel is still read");
            bank.Reset();
            Assert.AreEqual(0L, bank.ChannelFaults[1]);
        }

        [TestMethod]
        public void ActuatorBank_StartsDisarmedAndGatesTheMotors()
        {
            TestMotor left = new TestMotor(0, 0, 20000);
            TestMotor right = new TestMotor(0, 0, 20000);
            TestOutput lamp = new TestOutput(false);
            TestOutput enable = new TestOutput(false);
            MotorDriverBase[] motors = { left, right };
            DigitalOutputBase[] outputs = { lamp };
            ActuatorBank bank = new ActuatorBank(motors, outputs, enable);
            Assert.AreEqual(3, bank.Channels);
            Assert.IsFalse(bank.MotorsArmed);
            Assert.IsFalse(enable.High, "the bridge enable is off at construction");

            int[] commands = { 100, -100, 50 };
            bank.Write(commands);
            Assert.AreEqual(0, left.A);
            Assert.AreEqual(0, right.B);
            Assert.IsTrue(lamp.IsOn, "digital outputs are not gated");

            bank.ArmMotors(40);
            Assert.IsTrue(enable.High);
            bank.Write(commands);
            Assert.AreEqual(4000, left.A, "capped at 40 %");
            Assert.AreEqual(4000, right.B);
            commands[2] = 49;
            bank.Write(commands);
            Assert.IsFalse(lamp.IsOn, "below 50 % is off");

            bank.DisarmMotors();
            Assert.IsFalse(enable.High);
            Assert.AreEqual(0, left.A);
            bank.Write(commands);
            Assert.AreEqual(0, left.A, "disarmed motors ignore commands");
        }

        [TestMethod]
        public void TickSchedule_WaitsToTheGridAndCountsLateTicksWithoutSkipping()
        {
            TickSchedule s = new TickSchedule(1000);
            s.Start(5000);
            Assert.AreEqual(5000L, s.NextTickUs);
            Assert.AreEqual(700L, s.Finish(5000, 5300), "due at 6000");
            Assert.AreEqual(900L, s.Finish(6000, 6100), "due at 7000");
            Assert.AreEqual(0L, s.Finish(7000, 8500), "late by 500: run the next at once");
            Assert.AreEqual(1L, s.LateTicks);
            Assert.AreEqual(8500L, s.NextTickUs, "the schedule restarts from the late end: no catch-up burst");
            Assert.AreEqual(1000L, s.Finish(8500, 8500));
            Assert.AreEqual(1500L, s.WorstTickUs);
            Assert.AreEqual(4L, s.Ticks);
            s.ResetWindow();
            Assert.AreEqual(0L, s.WindowWorstTickUs);
            Assert.AreEqual(0L, s.WindowLateTicks);
            Assert.AreEqual(1L, s.LateTicks, "the totals survive a window reset");
        }

        [TestMethod]
        public void FrameRing_KeepsWholeFramesInOrderAcrossTheWrapAndRefusesWhatDoesNotFit()
        {
            FrameRing ring = new FrameRing(20);
            byte[] out8 = new byte[8];
            byte[] a = { 1, 2, 3, 4, 5, 6 };
            byte[] b = { 7, 8, 9, 10, 11, 12, 13 };
            Assert.IsTrue(ring.TryPut(a, 0, 6));
            Assert.IsTrue(ring.TryPut(b, 1, 5));
            Assert.AreEqual(15, ring.UsedBytes, "2 + 6 + 2 + 5");
            Assert.IsFalse(ring.TryPut(a, 0, 4), "4 + 2 bytes do not fit in the 5 left");
            Assert.AreEqual(6, ring.TryTake(out8));
            Assert.AreEqual(6, (int)out8[5]);
            Assert.IsTrue(ring.TryPut(a, 0, 6), "this frame wraps around the end");
            Assert.AreEqual(5, ring.TryTake(out8));
            Assert.AreEqual(8, (int)out8[0]);
            Assert.AreEqual(12, (int)out8[4]);
            Assert.AreEqual(6, ring.TryTake(out8));
            for (int k = 0; k < 6; k++) Assert.AreEqual(k + 1, (int)out8[k], "wrapped frame byte " + k);
            Assert.AreEqual(0, ring.TryTake(out8), "empty");
            Assert.AreEqual(0, ring.Count);
            Assert.IsFalse(ring.TryPut(a, 0, 0), "an empty frame is refused");
            bool threw = false;
            ring.TryPut(b, 0, 7);
            try { ring.TryTake(new byte[3]); }
            catch (System.ArgumentException) { threw = true; }
            Assert.IsTrue(threw, "a too small buffer is an error, not a truncation");
            Assert.AreEqual(7, ring.TryTake(out8), "and the frame is still there");
        }
    }
}
