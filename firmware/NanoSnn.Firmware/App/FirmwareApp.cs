using System;
using System.Device.Adc;
using System.Device.Gpio;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using NanoSnn.Firmware.Boards;
using NanoSnn.Firmware.Hal;
using NanoSnn.Firmware.Storage;
using NanoSnn.Firmware.Telemetry;

namespace NanoSnn.Firmware.App
{
    /// <summary>
    /// The device application: boot (board profile, settings, newest valid checkpoint or the
    /// model, pins), then the controller loop at a fixed tick, with the operator panel,
    /// periodic and requested checkpoints and status telemetry.
    /// </summary>
    /// <remarks>
    /// <para><b>Why a dedicated loop and not a timer callback.</b> The tick runs on the main
    /// thread at the highest priority, paced against <c>HighResTimer.GetCurrent()</c> (µs since
    /// boot): sleep for the whole milliseconds left (so other threads and the CLR's event
    /// dispatch get the CPU), then spin to the deadline. A <c>System.Threading.Timer</c> or an
    /// ESP32 <c>HighResTimer</c> callback would instead be dispatched through the CLR's event
    /// queue, allocating an event object per expiry (nanoFramework's HighResTimer passes a new
    /// <c>EventArgs</c> to every callback), and a callback that runs long would see the next ones
    /// queue up or overlap; the loop allocates nothing, never overlaps itself, and knows exactly
    /// how late each tick was (<see cref="TickSchedule"/>: a late tick is counted and the
    /// schedule restarts, so ticks are never skipped or bunched).</para>
    /// <para><b>Safety.</b> The operator panel boots in Safe: the network runs and reports,
    /// learning is off, the motors are disarmed (PWM duty 0 and the bridge enable low). A click
    /// on the mode button enters Learn (motors capped at 40 %, learning and the reward button on),
    /// a second Run (full speed, learning off), a third Safe again. Repeated sensor faults or an
    /// exception in the loop force Safe. What the firmware cannot do is stop the motors if the
    /// CLR itself hangs: the PWM keeps its last duty, so keep a hardware kill switch on the
    /// motor supply.</para>
    /// </remarks>
    public sealed class FirmwareApp
    {
        /// <summary>Firmware version printed at boot.</summary>
        public const string Version = "0.2.0";

        /// <summary>Status report period, µs.</summary>
        public const int ReportPeriodUs = 5000000;

        /// <summary>Button debounce, µs.</summary>
        public const int DebounceUs = 20000;

        /// <summary>Hold time of a long press (checkpoint request), µs.</summary>
        public const int LongPressUs = 2000000;

        /// <summary>Deadband of the motor commands, percent.</summary>
        public const int MotorDeadbandPercent = 5;

        /// <summary>Time for a motor to ramp from stop to full speed, µs.</summary>
        public const int MotorRampUs = 200000;

        /// <summary>Consecutive loop exceptions after which the firmware halts (motors disarmed).</summary>
        public const int MaxConsecutiveErrors = 100;

        /// <summary>Telemetry frames waiting for the sender thread, bytes (about 0.4 s of the reference network's records).</summary>
        public const int TelemetryQueueBytes = 4096;

        private readonly BoardConfig _board;

        /// <summary>Creates the application for <paramref name="board"/>.</summary>
        public FirmwareApp(BoardConfig board)
        {
            _board = board;
        }

        /// <summary>Boots and runs the tick loop; returns only when the loop had to halt.</summary>
        public void Run()
        {
            BoardConfig board = _board;
            Console.WriteLine("nanoSnn firmware " + Version + " on " + board.Name + " (nanoCLR image " + board.NanoffTarget + ")");
            Console.WriteLine("free managed heap after GC: " + nanoFramework.Runtime.Native.GC.Run(true) + " bytes (plan "
                + board.ManagedHeapBytes + ", model budget " + board.ModelBudgetBytes + ")");

            DeviceSettings settings = DeviceSettings.Load(board.StorageRoot + "nanosnn.cfg");
            Console.WriteLine("settings: " + settings.Source + (settings.Warnings.Length > 0 ? " (" + settings.Warnings + ")" : ""));

            // Model: the newest valid checkpoint (A/B slots on the flash), else the deployed model file,
            // else the built-in network. Then the learning rules, the slot size and the flash budget.
            FlashFileBlockStore flash = new FlashFileBlockStore(board.StorageRoot,
                board.CheckpointFlashBytes / 2 / FlashFileBlockStore.FlashSectorBytes * FlashFileBlockStore.FlashSectorBytes, FlashFileBlockStore.FlashSectorBytes);
            DeviceCheckpoints boot = DeviceCheckpoints.Load(flash);
            Console.WriteLine("checkpoints: " + boot.Boot.Describe());
            if (boot.NeedsModel)
            {
                string modelPath = board.StorageRoot + ModelFile.Name;
                string error;
                byte[] model = ModelFile.TryRead(modelPath, out error);
                if (model != null) boot.UseModel(model, model.Length, modelPath);
                else Console.WriteLine("model file " + modelPath + ": " + error);
                model = null; // Run never returns, so its locals stay GC roots: let the file's bytes go
                boot.UseBuiltIn(settings.Seed);
                if (boot.Notes.Length > 0) Console.WriteLine("passed over: " + boot.Notes);
            }
            boot.Prepare(board.CheckpointFlashBytes, board.Name);
            Network network = boot.Network;
            Console.WriteLine("model: " + boot.Source + ", tick " + network.Tick + ", " + network.Populations.Length + " populations, "
                + network.SynapseCount + " synapses, " + network.Rules.Length + " learning rules (" + boot.RulesAttached + " attached at boot), "
                + network.FootprintBytes + " bytes");
            if (network.FootprintBytes > board.ModelBudgetBytes)
                throw new ModelException("the model needs " + network.FootprintBytes + " bytes; " + board.Name + " allows " + board.ModelBudgetBytes);
            if (network.DtUs != board.TickUs)
                Console.WriteLine("note: the model's dt is " + network.DtUs + " us, the board tick " + board.TickUs + " us: ticking at the model's dt");

            bool pulseInputs = DeviceModel.UsesPulseInputs(network, board);
            SpikeEncoder encoder = DeviceModel.BuildEncoder(board, pulseInputs);
            ReadoutPopulation readout = DeviceModel.FindReadout(network);

            // Pins.
            GpioController gpio = new GpioController();
            AdcController adc = new AdcController();
            int channels = board.AnalogChannels.Length + (pulseInputs ? board.SpikeInputPins.Length : 0);
            SensorChannel[] inputs = new SensorChannel[channels];
            for (int c = 0; c < board.AnalogChannels.Length; c++)
            {
                Esp32AnalogInput analog = new Esp32AnalogInput(adc, board.AnalogChannels[c], board.AnalogMaxValue);
                analog.Calibrate(0, -DeviceModel.AnalogUnitsSpan, board.AnalogMaxValue + 1, DeviceModel.AnalogUnitsSpan);
                inputs[c] = analog;
            }
            if (pulseInputs)
                for (int p = 0; p < board.SpikeInputPins.Length; p++)
                    inputs[board.AnalogChannels.Length + p] = new Esp32PulseCounter(board.SpikeInputPins[p], GpioPulsePolarity.Rising);
            SensorBank sensors = new SensorBank(inputs);

            int slew = MotorDriverBase.FullScalePer10k * network.DtUs / MotorRampUs;
            if (slew < 1) slew = 1;
            MotorDriverBase[] motors = new MotorDriverBase[DeviceModel.Motors];
            for (int m = 0; m < motors.Length; m++)
                motors[m] = new Esp32BridgeMotor(board.MotorPins[2 * m], PwmFunctions.Get(2 * m), board.MotorPins[2 * m + 1], PwmFunctions.Get(2 * m + 1),
                    board.MotorPwmFrequencyHz, MotorDeadbandPercent, settings.MotorMinDutyPercent, slew);
            DigitalOutputBase motorEnable = board.MotorEnablePin >= 0 ? new Esp32DigitalOutput(gpio, board.MotorEnablePin, false) : null;
            ActuatorBank actuators = new ActuatorBank(motors, null, motorEnable);

            ButtonBase modeButton = board.ModeButtonPin >= 0 ? new Esp32Button(gpio, board.ModeButtonPin, board.ModeButtonPullUp, DebounceUs, LongPressUs) : null;
            ButtonBase rewardButton = board.RewardButtonPin >= 0 ? new Esp32Button(gpio, board.RewardButtonPin, board.RewardButtonPullUp, DebounceUs, LongPressUs) : null;
            DigitalOutputBase statusLed = board.StatusLedPin >= 0 ? new Esp32DigitalOutput(gpio, board.StatusLedPin, false) : null;

            ButtonRewardSignal signal = new ButtonRewardSignal(null);
            Controller controller = new Controller(network, sensors, encoder, new ReadoutCommandDecoder(readout, DeviceModel.PercentPerUnitQ16), actuators, signal);
            OperatorPanel panel = new OperatorPanel(controller, actuators, modeButton, rewardButton, signal, statusLed);

            // Checkpoints: claim the slot files on the flash now, so a full file system shows at boot
            // rather than half-way through a checkpoint; then the writer thread.
            CheckpointWriter checkpoints = null;
            if (boot.Handoff == null) Console.WriteLine("checkpoints disabled: " + boot.Disabled);
            else
            {
                try
                {
                    flash.Presize(boot.SlotBytes);
                    checkpoints = new CheckpointWriter(boot.Handoff);
                    Console.WriteLine("checkpoints: " + boot.CheckpointBytes + " bytes each, 2 slot files of " + boot.SlotBytes + " bytes ("
                        + flash.PathOf(0) + ", " + flash.PathOf(1) + "; budget " + board.CheckpointFlashBytes + "), next save to slot "
                        + CheckpointStore.SlotName(boot.Store.NextSlot));
                }
                catch (Exception e)
                {
                    Console.WriteLine("checkpoints disabled: cannot claim 2 slot files of " + boot.SlotBytes + " bytes under " + board.StorageRoot + ": " + e.Message);
                }
            }
            TelemetryQueue telemetry = null;
            if (settings.SerialTelemetry || settings.UdpHost.Length > 0)
            {
                try
                {
                    TelemetryOptions options = TelemetryObserver.OptionsFor(controller, null);
                    int frameBytes = TelemetryWriter.DefaultBufferBytesFor(network, options);
                    options.BufferBytes = frameBytes;
                    telemetry = new TelemetryQueue(TelemetryQueueBytes > 2 * frameBytes ? TelemetryQueueBytes : 2 * frameBytes, frameBytes);
                    if (settings.SerialTelemetry && board.TelemetryUartTxPin >= 0)
                        telemetry.Add(new SerialTransport(board.TelemetryUartPort, board.TelemetryUartTxPin, board.TelemetryUartRxPin, board.TelemetryUartBaud));
                    controller.Observer = new TelemetryObserver(controller, telemetry, options);
                }
                catch (Exception e)
                {
                    Console.WriteLine("telemetry disabled: " + e.Message);
                    telemetry = null;
                }
            }
            WifiLink wifi = null;
            if (settings.UdpHost.Length > 0 && telemetry != null)
            {
                wifi = new WifiLink(settings.WifiSsid, settings.WifiPassword);
                wifi.Start();
            }

            Console.WriteLine("inputs: " + board.AnalogChannels.Length + " analog" + (pulseInputs ? " + " + board.SpikeInputPins.Length + " pulse" : "")
                + ", outputs: " + motors.Length + " motors, checkpoints " + (checkpoints == null ? "off" : boot.CheckpointBytes + " bytes")
                + ", telemetry: " + (telemetry == null ? "off" : telemetry.Transports + " transport(s)" + (wifi != null ? " + udp " + settings.UdpHost + ":" + settings.UdpPort + " after Wi-Fi" : "")));
            Console.WriteLine("mode: safe (motors off). Mode button: click = safe -> learn -> run -> safe, hold 2 s = checkpoint. Reward button: reward (learn).");

            RunLoop(network, controller, panel, checkpoints, telemetry, wifi, settings);
        }

        private static void RunLoop(Network network, Controller controller, OperatorPanel panel, CheckpointWriter checkpoints,
            TelemetryQueue telemetry, WifiLink wifi, DeviceSettings settings)
        {
            Thread.CurrentThread.Priority = ThreadPriority.Highest;
            TickSchedule schedule = new TickSchedule(network.DtUs);
            int reportEveryTicks = ReportPeriodUs / network.DtUs;
            if (reportEveryTicks < 1) reportEveryTicks = 1;
            long checkpointEveryTicks = settings.CheckpointMinutes <= 0 ? 0 : (long)settings.CheckpointMinutes * 60000000L / network.DtUs;
            int ticksToReport = reportEveryTicks;
            long ticksToCheckpoint = checkpointEveryTicks;
            bool learnedSinceCheckpoint = false;
            bool udpOpened = false;
            int consecutiveErrors = 0;
            long errors = 0;
            string lastError = null;

            schedule.Start((long)HighResTimer.GetCurrent());
            while (true)
            {
                long startUs = (long)HighResTimer.GetCurrent();
                try
                {
                    panel.Update(startUs);
                    controller.Tick();
                    if (panel.Mode == OperatorMode.Learn) learnedSinceCheckpoint = true;

                    bool requested = panel.TakeCheckpointRequest();
                    bool due = checkpointEveryTicks > 0 && --ticksToCheckpoint <= 0;
                    if (due) ticksToCheckpoint = checkpointEveryTicks;
                    if (checkpoints != null && (requested || (due && learnedSinceCheckpoint)))
                    {
                        if (checkpoints.TrySnapshot(network)) learnedSinceCheckpoint = false;
                    }
                    consecutiveErrors = 0;
                }
                catch (Exception e)
                {
                    // The tick itself does not throw; a board driver might. Stop the motors, keep the log.
                    errors++;
                    consecutiveErrors++;
                    lastError = e.Message;
                    panel.SafetyStop();
                    if (consecutiveErrors >= MaxConsecutiveErrors)
                    {
                        Console.WriteLine("halted after " + consecutiveErrors + " consecutive errors: " + lastError);
                        return;
                    }
                }

                if (--ticksToReport <= 0)
                {
                    ticksToReport = reportEveryTicks;
                    if (!udpOpened && wifi != null && wifi.Finished)
                    {
                        udpOpened = true;
                        if (wifi.Connected)
                        {
                            try
                            {
                                telemetry.Add(new UdpTransport(settings.UdpHost, settings.UdpPort));
                            }
                            catch (Exception e)
                            {
                                Console.WriteLine("udp telemetry disabled: " + e.Message);
                            }
                        }
                        Console.WriteLine("wifi: " + wifi.Status);
                    }
                    StatusReporter.Report(StatusLine(network, controller, panel, schedule, checkpoints, telemetry, errors, lastError));
                    schedule.ResetWindow();
                }

                long nowUs = (long)HighResTimer.GetCurrent();
                long waitUs = schedule.Finish(startUs, nowUs);
                if (waitUs >= 2000) Thread.Sleep((int)(waitUs / 1000) - 1);
                long deadlineUs = schedule.NextTickUs;
                while ((long)HighResTimer.GetCurrent() < deadlineUs)
                {
                }
            }
        }

        private static string StatusLine(Network network, Controller controller, OperatorPanel panel, TickSchedule schedule,
            CheckpointWriter checkpoints, TelemetryQueue telemetry, long errors, string lastError)
        {
            string line = "nsnn t=" + network.Tick + " mode=" + StatusReporter.ModeName(panel.Mode)
                + " worst_us=" + schedule.WindowWorstTickUs + " late=" + schedule.WindowLateTicks + "/" + schedule.LateTicks
                + " spikes=" + SpikeTotals(network) + " events=" + network.SynapticEvents
                + " cmd=" + controller.Commands[0] + "," + controller.Commands[1]
                + " rewards=" + panel.ButtonRewards + " sensor_faults=" + controller.SensorFaults
                + " ckpt=" + CheckpointStatus(checkpoints)
                + " telemetry=" + (telemetry == null ? "off" : telemetry.FramesSent + "/" + telemetry.FramesDropped)
                + " hash=0x" + network.ComputeStateHash().ToString("X8");
            if (errors > 0) line += " errors=" + errors + " (" + lastError + ")";
            return line;
        }

        // Written/failed/refused, and the last error until a checkpoint succeeds again.
        private static string CheckpointStatus(CheckpointWriter checkpoints)
        {
            if (checkpoints == null) return "off";
            CheckpointHandoff h = checkpoints.Handoff;
            string error = h.LastError;
            return h.Written + "/" + h.Failed + "/" + h.Refused + (error != null ? " (" + error + ")" : "");
        }

        private static string SpikeTotals(Network network)
        {
            string totals = "";
            Population[] pops = network.Populations;
            for (int p = 0; p < pops.Length; p++)
            {
                if (!pops[p].IsSpiking) continue;
                if (totals.Length > 0) totals += ",";
                totals += pops[p].Name + ":" + pops[p].TotalSpikes;
            }
            return totals;
        }
    }
}
