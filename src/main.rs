fn main() {
    welfare_check::mount_default();
}
