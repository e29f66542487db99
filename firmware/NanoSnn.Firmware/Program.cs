using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using NanoSnn.Firmware.Boards;

namespace NanoSnn.Firmware
{
    /// <summary>
    /// Runs the core's reference <see cref="SensorNetwork"/> on an ESP32-DevKitC: the analog
    /// inputs are send-on-delta encoded into spikes, the network steps once per tick, and the
    /// readouts are decoded into signed motor commands. The commands are printed, not driven:
    /// an untrained network must not move a robot. The status LED shows spiking activity.
    /// </summary>
    public class Program
    {
        private const string Version = "0.1.0";

        private const uint Seed = 1;

        // ADC counts (0..4095) become the sensor units the reference network expects (±1000).
        private const int SensorSpan = 2000;
        private const int SensorOffset = 1000;

        // Status is printed every 5 s. Printing builds strings, so it allocates: never per tick.
        private const int ReportPeriodUs = 5000000;

        public static void Main()
        {
            Console.WriteLine("");
            Console.WriteLine("nanoSnn firmware " + Version + " on " + Esp32DevKitC.Name);
            Console.WriteLine("free managed heap after GC: " + nanoFramework.Runtime.Native.GC.Run(true) + " bytes (board plan "
                + Esp32DevKitC.ManagedHeapBytes + ", model budget " + Esp32DevKitC.ModelBudgetBytes + ")");

            try
            {
                Run();
            }
            catch (Exception e)
            {
                // Set-up errors (bad model, pin in use) end here; the tick loop itself does not throw.
                Console.WriteLine("halted: " + e.Message);
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static void Run()
        {
            Network network = SensorNetwork.Build(Seed);
            Population lif = network.FindPopulation("lif");
            Population alif = network.FindPopulation("alif");
            ReadoutPopulation output = (ReadoutPopulation)network.FindPopulation("out");
            int tickUs = network.DtUs;

            Console.WriteLine("network: " + network.Populations.Length + " populations, " + network.SynapseCount
                + " synapses, " + network.FootprintBytes + " bytes, tick " + tickUs + " us (board tick "
                + Esp32DevKitC.TickUs + " us)");
            if (network.FootprintBytes > Esp32DevKitC.ModelBudgetBytes)
                throw new ModelException("model needs " + network.FootprintBytes + " bytes; this board allows "
                    + Esp32DevKitC.ModelBudgetBytes);
            if (SensorNetwork.Channels > Esp32DevKitC.AnalogInputCount)
                throw new ModelException("model reads " + SensorNetwork.Channels + " sensors; this board wires "
                    + Esp32DevKitC.AnalogInputCount);

            int[] deltas = new int[SensorNetwork.Channels];
            for (int c = 0; c < deltas.Length; c++) deltas[c] = SensorNetwork.SensorDelta;
            SendOnDeltaEncoder encoder = new SendOnDeltaEncoder(deltas);
            // Readout 1.0 = full speed forward: commands in -100..100 %.
            LinearCommandDecoder decoder = new LinearCommandDecoder(100 * FixedPoint.OneQ16, 0, -100, 100);

            AdcController adc = new AdcController();
            AdcChannel[] analog = new AdcChannel[SensorNetwork.Channels];
            for (int c = 0; c < analog.Length; c++) analog[c] = adc.OpenChannel(AnalogChannel(c));

            GpioController gpio = new GpioController();
            GpioPin led = gpio.OpenPin(Esp32DevKitC.StatusLedPin, PinMode.Output);
            led.Write(PinValue.Low);
            bool ledOn = false;

            // Everything the loop touches is allocated above: a tick allocates nothing.
            int[] samples = new int[SensorNetwork.Channels];
            int[] spikes = new int[encoder.Outputs];
            int[] commands = new int[SensorNetwork.Outputs];
            int[] outputValues = output.ValueQ16;
            int reportEveryTicks = ReportPeriodUs / tickUs;
            int ticksToReport = reportEveryTicks;
            long worstTickUs = 0;
            int lateTicks = 0;
            long nextTickUs = (long)HighResTimer.GetCurrent();

            Console.WriteLine("running");
            while (true)
            {
                long tickStartUs = (long)HighResTimer.GetCurrent();

                // encode
                for (int c = 0; c < samples.Length; c++)
                    samples[c] = ((analog[c].ReadValue() * SensorSpan) >> 12) - SensorOffset;
                int count = encoder.Encode(samples, spikes, 0, 0);

                // propagate, integrate, learn
                network.Step(spikes, count);

                // decode
                for (int k = 0; k < commands.Length; k++) commands[k] = decoder.Decode(outputValues[k]);
                bool active = lif.SpikeCount + alif.SpikeCount > 0;
                if (active != ledOn)
                {
                    led.Toggle();
                    ledOn = active;
                }

                long nowUs = (long)HighResTimer.GetCurrent();
                long usedUs = nowUs - tickStartUs;
                if (usedUs > worstTickUs) worstTickUs = usedUs;

                if (--ticksToReport == 0)
                {
                    Console.WriteLine("tick " + network.Tick + ": worst " + worstTickUs + " us of " + tickUs
                        + ", late " + lateTicks + ", spikes lif " + lif.TotalSpikes + " alif " + alif.TotalSpikes
                        + ", events " + network.SynapticEvents + ", commands " + commands[0] + "% " + commands[1]
                        + "%, hash 0x" + network.ComputeStateHash().ToString("X8"));
                    ticksToReport = reportEveryTicks;
                    worstTickUs = 0;
                    nowUs = (long)HighResTimer.GetCurrent();
                }

                // Wait for the next tick. A late tick is counted and the schedule restarts from
                // now: time stretches, but no tick is skipped, so the run stays replayable.
                nextTickUs += tickUs;
                long waitUs = nextTickUs - nowUs;
                if (waitUs < 0)
                {
                    lateTicks++;
                    nextTickUs = nowUs;
                }
                else
                {
                    // Sleep whole milliseconds (lets other threads and GPIO events run), then spin
                    // on the microsecond timer for the rest.
                    if (waitUs >= 2000) Thread.Sleep((int)(waitUs / 1000) - 1);
                    while ((long)HighResTimer.GetCurrent() < nextTickUs)
                    {
                    }
                }
            }
        }

        private static int AnalogChannel(int input)
        {
            switch (input)
            {
                case 0: return Esp32DevKitC.AnalogInput0Channel;
                case 1: return Esp32DevKitC.AnalogInput1Channel;
                case 2: return Esp32DevKitC.AnalogInput2Channel;
                default: return Esp32DevKitC.AnalogInput3Channel;
            }
        }
    }
}
