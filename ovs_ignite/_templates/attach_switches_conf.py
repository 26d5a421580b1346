# Compiled from templates/attach-switches.conf.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attach-switches.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_container_name = resolve('container_name')
    l_0_switches = resolve('switches')
    l_0_switch_script = resolve('switch_script')
    pass
    template = environment.get_template('header.j2', 'attach-switches.conf.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '# Container '
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield ' has interfaces on bridges of other OVS instances: this attach\n# attaches them too, once their bridges are made, and detaches them when it stops.\n[Unit]\n'
    for l_1_switch in (undefined(name='switches') if l_0_switches is missing else l_0_switches):
        _loop_vars = {}
        pass
        yield 'Wants=ovs-ignite-bridges@'
        yield str(l_1_switch)
        yield '.service\nAfter=ovs-ignite-bridges@'
        yield str(l_1_switch)
        yield '.service ovs-vswitchd-'
        yield str(l_1_switch)
        yield '.service\n'
    l_1_switch = missing
    yield '\n[Service]\nExecStart='
    yield str((undefined(name='switch_script') if l_0_switch_script is missing else l_0_switch_script))
    yield ' attach %i\nExecStop='
    yield str((undefined(name='switch_script') if l_0_switch_script is missing else l_0_switch_script))
    yield ' detach %i\n'

blocks = {}
debug_info = '1=14&2=21&5=23&6=27&7=29&11=35&12=37'