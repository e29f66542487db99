namespace NanoSnn
{
    /// <summary>
    /// The controller's actuators: commands 0..M−1 drive the motors, commands M.. switch the
    /// digital outputs (on at 50 % and above). Owns the motor safety gate: motors run only
    /// while armed (<see cref="ArmMotors"/>), with a speed cap; disarmed they coast and the
    /// optional bridge-enable output is off.
    /// </summary>
    /// <remarks>
    /// The bank starts disarmed: nothing the network computes reaches a wheel until the
    /// operator arms the motors. Disarming does not brake (a brake needs the bridge powered);
    /// it cuts the enable line and lets the motors coast.
    /// </remarks>
    public sealed class ActuatorBank : IActuatorOutputs
    {
        /// <summary>Commands at or above this switch a digital output on, percent.</summary>
        public const int DigitalOnPercent = 50;

        private readonly MotorDriverBase[] _motors;
        private readonly DigitalOutputBase[] _outputs;
        private readonly DigitalOutputBase _motorEnable;

        /// <summary>
        /// Creates the bank (arrays copied; either may be empty but not both). <paramref name="motorEnable"/>
        /// drives the bridge's enable/standby input, or is null when the bridge has none.
        /// </summary>
        public ActuatorBank(MotorDriverBase[] motors, DigitalOutputBase[] outputs, DigitalOutputBase motorEnable)
        {
            int m = motors == null ? 0 : motors.Length;
            int d = outputs == null ? 0 : outputs.Length;
            if (m + d == 0) throw new System.ArgumentException("actuator bank: at least one motor or digital output is needed");
            _motors = new MotorDriverBase[m];
            for (int i = 0; i < m; i++)
            {
                if (motors[i] == null) throw new System.ArgumentException("actuator bank: motor " + i + " is null");
                _motors[i] = motors[i];
            }
            _outputs = new DigitalOutputBase[d];
            for (int i = 0; i < d; i++)
            {
                if (outputs[i] == null) throw new System.ArgumentException("actuator bank: digital output " + i + " is null");
                _outputs[i] = outputs[i];
            }
            _motorEnable = motorEnable;
            DisarmMotors();
        }

        /// <summary>The motors, in command order.</summary>
        public MotorDriverBase[] Motors { get { return _motors; } }

        /// <summary>The digital outputs, in command order after the motors.</summary>
        public DigitalOutputBase[] Outputs { get { return _outputs; } }

        /// <summary>Whether the motors take commands.</summary>
        public bool MotorsArmed;

        /// <summary>The speed cap while armed, percent.</summary>
        public int MotorLimitPercent;

        /// <inheritdoc/>
        public int Channels { get { return _motors.Length + _outputs.Length; } }

        /// <summary>Lets the motors run, each capped at <paramref name="limitPercent"/> (0..100).</summary>
        public void ArmMotors(int limitPercent)
        {
            MotorLimitPercent = limitPercent < 0 ? 0 : (limitPercent > 100 ? 100 : limitPercent);
            for (int i = 0; i < _motors.Length; i++)
            {
                _motors[i].SetLimit(MotorLimitPercent);
                _motors[i].Enable();
            }
            if (_motorEnable != null) _motorEnable.Set(true);
            MotorsArmed = true;
        }

        /// <summary>Stops the motors (coast) and cuts the bridge enable; commands are ignored until armed again.</summary>
        public void DisarmMotors()
        {
            for (int i = 0; i < _motors.Length; i++) _motors[i].Disable();
            if (_motorEnable != null) _motorEnable.Set(false);
            MotorsArmed = false;
            MotorLimitPercent = 0;
        }

        /// <inheritdoc/>
        public void Write(int[] commandsPercent)
        {
            int m = _motors.Length;
            for (int i = 0; i < m; i++) _motors[i].Drive(commandsPercent[i]);
            for (int i = 0; i < _outputs.Length; i++) _outputs[i].Set(commandsPercent[m + i] >= DigitalOnPercent);
        }
    }
}
