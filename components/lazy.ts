import { Component, h, type ComponentType } from 'preact';

/**
 * A component whose code loads when it first renders: for what a page shows rarely (the first-run
 * question), so its code and styles are not in every open. Renders nothing for the few milliseconds the
 * package's own file takes to load.
 */
export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<unknown> | undefined;
  return class Lazy extends Component<P> {
    override componentDidMount() {
      if (!loaded) void (loading ??= load().then((component) => (loaded = component))).then(() => this.forceUpdate());
    }

    override render() {
      return loaded ? h(loaded, this.props) : null;
    }
  };
}
