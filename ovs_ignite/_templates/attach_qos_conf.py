# Compiled from templates/attach-qos.conf.j2: do not edit.
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'attach-qos.conf.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_container_name = resolve('container_name')
    l_0_script = resolve('script')
    pass
    template = environment.get_template('header.j2', 'attach-qos.conf.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()
    yield '# An interface of container '
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield ' has an egress QoS: once the attach has made\n# its ports, their QoS records are made anew.\n[Service]\nExecStartPost='
    yield str((undefined(name='script') if l_0_script is missing else l_0_script))
    yield ' qos '
    yield str((undefined(name='container_name') if l_0_container_name is missing else l_0_container_name))
    yield '\n'

blocks = {}
debug_info = '1=13&2=20&5=22'