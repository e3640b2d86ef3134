fn main() {
    baft_app::start();
}
