namespace NanoSnn
{
    /// <summary>
    /// The operator's side of a device controller: a mode button, a reward button and a status
    /// LED around a <see cref="Controller"/> and its <see cref="ActuatorBank"/>. Call
    /// <see cref="Update"/> once per tick, before <see cref="Controller.Tick"/>. Allocates nothing.
    /// <list type="bullet">
    /// <item>mode button click: Safe → Learn → Run → Safe (<see cref="OperatorMode"/>);</item>
    /// <item>mode button long press: request a checkpoint (<see cref="TakeCheckpointRequest"/>);</item>
    /// <item>reward button press: one reward of <see cref="RewardQ16"/>, delivered with the next
    /// tick (the controller drops it unless learning is on, i.e. in Learn);</item>
    /// <item>status LED: a short flash every 2 s in Safe, 2 Hz blinking in Learn, steady in Run.</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// Safety: the panel starts in <see cref="OperatorMode.Safe"/> with the motors disarmed and
    /// learning off, so an untrained network never drives at boot; Learn caps the motors at
    /// <see cref="LearnLimitPercent"/> (the network explores with rewards at a walking pace);
    /// <see cref="SensorFaultLimit"/> consecutive ticks with a failed sensor read, or a call to
    /// <see cref="SafetyStop"/>, fall back to Safe. Leaving Safe is always a deliberate click.
    /// </remarks>
    public sealed class OperatorPanel
    {
        /// <summary>Status LED period in Safe, µs.</summary>
        public const int SafeBlinkPeriodUs = 2000000;

        /// <summary>Status LED on-time in Safe, µs.</summary>
        public const int SafeBlinkOnUs = 100000;

        /// <summary>Status LED period in Learn, µs.</summary>
        public const int LearnBlinkPeriodUs = 500000;

        private readonly Controller _controller;
        private readonly ActuatorBank _actuators;
        private readonly ButtonBase _modeButton;
        private readonly ButtonBase _rewardButton;
        private readonly ButtonRewardSignal _rewardSignal;
        private readonly DigitalOutputBase _statusLed;
        private long _lastSensorFaults;
        private int _consecutiveFaultTicks;
        private bool _checkpointRequested;

        /// <summary>
        /// Wires the panel and enters <see cref="OperatorMode.Safe"/>. Only the controller and the
        /// actuators are required; a missing button, signal or LED disables its feature.
        /// </summary>
        public OperatorPanel(Controller controller, ActuatorBank actuators, ButtonBase modeButton, ButtonBase rewardButton,
            ButtonRewardSignal rewardSignal, DigitalOutputBase statusLed)
        {
            if (controller == null) throw new ModelException("operator panel: controller is required");
            if (actuators == null) throw new ModelException("operator panel: actuators are required");
            _controller = controller;
            _actuators = actuators;
            _modeButton = modeButton;
            _rewardButton = rewardButton;
            _rewardSignal = rewardSignal;
            _statusLed = statusLed;
            _lastSensorFaults = controller.SensorFaults;
            SetMode(OperatorMode.Safe);
            ModeChanges = 0;
        }

        /// <summary>Current mode.</summary>
        public OperatorMode Mode;

        /// <summary>Motor speed cap in Learn, percent.</summary>
        public int LearnLimitPercent = 40;

        /// <summary>Motor speed cap in Run, percent.</summary>
        public int RunLimitPercent = 100;

        /// <summary>Reward of one press of the reward button, Q16.</summary>
        public int RewardQ16 = FixedPoint.OneQ16;

        /// <summary>Consecutive ticks with a failed sensor read that force Safe (0 disables the guard).</summary>
        public int SensorFaultLimit = 100;

        /// <summary>Mode changes since construction.</summary>
        public long ModeChanges;

        /// <summary>Falls back to Safe by the guards or <see cref="SafetyStop"/>, since construction.</summary>
        public long SafetyStops;

        /// <summary>Rewards given with the reward button since construction.</summary>
        public long ButtonRewards;

        /// <summary>Checkpoint requests made with the mode button since construction.</summary>
        public long CheckpointRequests;

        /// <summary>Switches to <paramref name="mode"/>: learning, motor arming and speed cap follow.</summary>
        public void SetMode(OperatorMode mode)
        {
            Mode = mode;
            ModeChanges++;
            if (mode == OperatorMode.Learn)
            {
                _controller.Learning = true;
                _actuators.ArmMotors(LearnLimitPercent);
            }
            else if (mode == OperatorMode.Run)
            {
                _controller.Learning = false;
                _actuators.ArmMotors(RunLimitPercent);
            }
            else
            {
                _controller.Learning = false;
                _actuators.DisarmMotors();
            }
        }

        /// <summary>Forces Safe (motors off, learning off) and counts it; for the firmware's own guards.</summary>
        public void SafetyStop()
        {
            SafetyStops++;
            SetMode(OperatorMode.Safe);
        }

        /// <summary>True once after the operator asked for a checkpoint; the caller then writes one.</summary>
        public bool TakeCheckpointRequest()
        {
            bool requested = _checkpointRequested;
            _checkpointRequested = false;
            return requested;
        }

        /// <summary>Polls the buttons, applies the guards and drives the LED. Call once per tick before the controller's tick.</summary>
        public void Update(long nowUs)
        {
            if (_modeButton != null)
            {
                ButtonEvents events = _modeButton.Update(nowUs);
                if ((events & ButtonEvents.Clicked) != 0)
                {
                    if (Mode == OperatorMode.Safe) SetMode(OperatorMode.Learn);
                    else if (Mode == OperatorMode.Learn) SetMode(OperatorMode.Run);
                    else SetMode(OperatorMode.Safe);
                }
                if ((events & ButtonEvents.LongPressed) != 0)
                {
                    _checkpointRequested = true;
                    CheckpointRequests++;
                }
            }

            if (_rewardButton != null && (_rewardButton.Update(nowUs) & ButtonEvents.Pressed) != 0 && _rewardSignal != null)
            {
                _rewardSignal.Give(RewardQ16);
                ButtonRewards++;
            }

            long faults = _controller.SensorFaults;
            if (faults != _lastSensorFaults) _consecutiveFaultTicks++;
            else _consecutiveFaultTicks = 0;
            _lastSensorFaults = faults;
            if (SensorFaultLimit > 0 && _consecutiveFaultTicks >= SensorFaultLimit && Mode != OperatorMode.Safe)
            {
                _consecutiveFaultTicks = 0;
                SafetyStop();
            }

            if (_statusLed != null)
            {
                if (Mode == OperatorMode.Run) _statusLed.Set(true);
                else if (Mode == OperatorMode.Learn) _statusLed.Blink(nowUs, LearnBlinkPeriodUs, LearnBlinkPeriodUs / 2);
                else _statusLed.Blink(nowUs, SafeBlinkPeriodUs, SafeBlinkOnUs);
            }
        }
    }
}
