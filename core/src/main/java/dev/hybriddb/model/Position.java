package dev.hybriddb.model;

/** A point in the agents' 3D space (columns {@code pos_x}, {@code pos_y}, {@code pos_z}). */
public record Position(double x, double y, double z) {
    /** The origin. */
    public static final Position ORIGIN = new Position(0, 0, 0);

    /** Euclidean distance to {@code other}. */
    public double distanceTo(Position other) {
        double dx = x - other.x;
        double dy = y - other.y;
        double dz = z - other.z;
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }
}
